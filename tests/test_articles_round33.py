"""Round 33: conventions from the tune half's remaining wrong headlines and the 33rd blind
batch's tune pages, each on invented text."""

from __future__ import annotations

from qa.segment import stack
from tests.segpages import arts as _arts
from tests.segpages import by_head as _by_head
from tests.segpages import with_filler as _page


def test_a_first_line_the_lead_restates_is_the_headline_over_its_subtitle():
    page = _page(
        "南川电力公司召开迎峰度夏动员会\n"
        "部署六月至九月电网运行保障重点任务\n"
        "　　本报讯（通讯员　闻笛）6月12日，南川电力公司召开迎峰度夏动员会，\n"
        "对今年夏季用电高峰期间的电网运行保障工作作出安排。会议要求各单位提前\n"
        "完成主变增容和线路消缺，落实二十四小时值班制度，确保高峰时段不拉闸。\n"
        "　　会上，调度中心通报了今年负荷预测情况，预计全市最高用电负荷同比增长\n"
        "百分之七左右，部分老城区配电线路压力较大，需重点关注。\n"
    )
    a = _by_head(_arts(page))["南川电力公司召开迎峰度夏动员会"]
    assert a.subheadlines == ["部署六月至九月电网运行保障重点任务"]


def test_a_kicker_the_lead_does_not_restate_stays_over_the_headline():
    page = _page(
        "打好碧水保卫战　守护城市母亲河\n"
        "白沙河流域水质连续三年稳定达标\n"
        "　　本报讯（记者　柯然）记者从市生态环境局获悉，白沙河流域六个国控断面\n"
        "水质已连续三年稳定达到二类标准。近年来，沿线各区县关停搬迁污染企业四\n"
        "十余家，新建污水处理厂五座，河道两岸的生态缓冲带也已基本建成。\n"
        "　　市生态环境局负责人表示，下一步将推进入河排污口整治，巩固治理成效。\n"
    )
    a = _by_head(_arts(page))["白沙河流域水质连续三年稳定达标"]
    assert a.subheadlines == ["打好碧水保卫战守护城市母亲河"]


def test_the_leads_share_of_a_lines_pairs():
    assert stack._lead_share("召开会议", "今天召开会议") == 1.0
    assert stack._lead_share("守护碧水", "白沙河水质达标") == 0.0
    assert stack._lead_share("", "任何导语") == 0.0
