"""Answer-sentence rules on made-up sentences: the kind of thing asked for wins."""

from __future__ import annotations

import pytest

from qa.answer.sentences import (
    answer_kinds,
    best_sentence,
    kind_found,
    read_cues,
    with_value_beside,
    years_missing,
)
from qa.passages import Passage, cut_sentences

PAGE = (
    "新馆由市文化局主持建设。新馆于2019年动工，总投资1.2亿元。"
    "开馆当天上午9:30，56岁的馆长王明宣布开馆。展厅面积约3000平方米，共有展品520件。"
)


def _best(question: str) -> str:
    p = Passage(0, "a-01", "a.txt", PAGE, 0, len(PAGE))
    return best_sentence(read_cues(question), [p], {"a.txt": PAGE}, {"a-01": "新馆开馆"}).text


@pytest.mark.parametrize(
    "question,expected",
    [
        ("新馆是哪一年动工的？", "2019年动工"),
        ("新馆总投资多少钱？", "1.2亿元"),
        ("开馆仪式几点开始？", "9:30"),
        ("展厅面积有多大？", "3000平方米"),
        ("共有多少件展品？", "520件"),
        ("馆长王明多大年纪？", "56岁"),
    ],
)
def test_answer_sentence_holds_what_is_asked(question, expected):
    assert expected in _best(question)


def test_answer_kinds_put_the_named_unit_first():
    kinds = answer_kinds("文苑社区一共安置了多少户？")
    assert kinds[0][0] == "specific unit"
    assert kinds[0][1].search("共2986户")
    assert not kinds[0][1].search("共2986人")


def test_people_counters_are_interchangeable():
    pattern = answer_kinds("帮多少名军人子女入学？")[0][1]
    assert pattern.search("共协调军人子女入学102人")


def test_the_kind_asked_for_must_be_in_the_passages_found():
    # a price, a rate, a name, a road: where the passages hold none, the detail is missing
    assert not kind_found(read_cues("这本书定价多少？"), "本书收录散文三十余篇。")
    assert kind_found(read_cues("这本书定价多少？"), "全书定价48元。")
    assert kind_found(read_cues("研发经费在GDP中占了多大比例？"), "占GDP比重达到3.72%。")
    assert not kind_found(read_cues("贷款平均年利率是多少？"), "累计发放贷款9.8亿元。")
    assert kind_found(read_cues("缝纫机是什么牌子的？"), "“飞燕”牌，黑色的机身。")
    assert not kind_found(read_cues("中心位于哪条路上？"), "推介滨州市的经验。")
    assert kind_found(read_cues("中心位于哪条路上？"), "中心位于黄河五路。")


def test_a_role_is_found_under_another_title_and_a_person_by_name():
    # 负责人 is printed as the title it is (党总支书记); 选手 is no title, the name still is
    assert kind_found(read_cues("村里党组织的负责人是谁？"), "村党总支书记郑海平介绍。")
    assert not kind_found(read_cues("学院的首任院长是谁？"), "三方共同签署了共建协议。")
    assert kind_found(read_cues("女子全程第一名是哪位选手？"), "本地选手颜小雨获得女子组冠军。")


def test_a_year_the_question_names_must_be_printed():
    assert years_missing("2022年有多少个梦想变成了现实？", "2023年4100多个梦想变为现实") == ["2022"]
    assert years_missing("1956年到四月上旬积了多少肥？", "一九五六年春，全省积肥") == []
    assert years_missing("岚水县2024年防汛演练在哪一天？", "2024-06-03\n演练") == []
    assert years_missing("防汛演练在哪一天？", "") == []


def test_questions_about_the_article_itself_are_recognised():
    assert read_cues("介绍文龙河社区扶贫车间的那篇报道，标题是什么？").field == "headline"
    assert read_cues("那则图片新闻的题目叫什么？").field == "headline"
    assert read_cues("报道扶贫车间的记者是谁？").field == "byline"
    assert read_cues("这篇文章是谁写的？").field == "byline"
    assert read_cues("守护干部心健康一文最早刊登在哪份报纸上？").field == "publication"
    assert read_cues("题为《守护干部心健康》的文章刊登在哪份报纸？").field == "publication"
    assert read_cues("新馆是哪一年动工的？").field == ""
    assert read_cues("记者从市妇联了解到什么？").field == ""


def test_when_accepts_months_and_relative_dates():
    kinds = dict(answer_kinds("东昌府区何时建成全省首个双拥工作室？"))
    assert "when" in kinds
    for text in ("今年8月，东昌府区建成", "2019年动工", "去年以来"):
        assert kinds["when"].search(text), text
    assert not kinds["when"].search("共有展品520件")


def test_which_ones_is_not_a_count():
    names = [n for n, _ in answer_kinds("学院是由哪几家单位共同创建的？")]
    assert not {"unit", "specific unit", "count"} & set(names)


def test_households_are_counted_in_hu_or_jia():
    kinds = answer_kinds("光伏扶贫项目让多少家贫困户受益？")
    assert kinds[0][1].search("惠及贫困户2400户") and kinds[0][1].search("带动企业12家")


def test_a_who_question_wants_the_sentence_naming_the_role_it_asks_about():
    page = (
        "面对社区的感谢，北京银行聊城分行行长助理张凤莉表示：“来文苑社区办业务时得知居民居家"
        "隔离，社区帮忙采购蔬菜需要大量人力。”“分时段送至居民家门口。”文苑社区书记赵震说道。"
    )
    p = Passage(0, "a-01", "a.txt", page, 0, len(page))
    cues = read_cues("北京银行聊城分行捐赠蔬菜报道中，文苑社区书记是谁？")
    best = best_sentence(cues, [p], {"a.txt": page}, {"a-01": "蔬菜送进居民家中"})
    assert "赵震" in best.text
    assert "王明" in _best("谁宣布开馆？")


def test_a_who_question_naming_a_title_asks_for_that_title():
    kinds = dict(answer_kinds("滨州市妇联主席是谁？"))
    assert "role" in kinds and "person" not in kinds
    assert kinds["role"].search("市妇联主席王芳出席") and kinds["role"].search("由常亚青主席领衔")
    assert not kinds["role"].search("市妇联召开家庭和儿童工作会议")
    assert "person" in dict(answer_kinds("谁宣布开馆？"))


def test_fold_keeps_length_and_folds_like_nfkc_lower_per_character():
    import random
    import unicodedata

    from qa.answer.sentences import _FOLD, fold

    def by_hand(text):
        out = []
        for ch in text:
            f = unicodedata.normalize("NFKC", ch).lower()
            out.append(f if len(f) == 1 else ch)
        return "".join(out)

    assert fold("ＡＢＣ２０２４年\ufdfaİΣ") == "abc2024年\ufdfaİσ"
    rng = random.Random(7)
    texts = ["".join(chr(rng.randrange(0x110000)) for _ in range(200)) for _ in range(400)]
    for text in texts:  # 80,000 code points: more than the table remembers
        assert fold(text) == by_hand(text)
    assert len(_FOLD) <= _FOLD.LIMIT


def test_the_detail_is_read_only_in_the_passages_closest_to_the_question():
    # A passage of another story, further from the question by the embedding, may hold a
    # sum of money; it says nothing about whether this story gives the one asked for.
    from types import SimpleNamespace

    from qa.answer import Answerer
    from qa.retrieve import Hit

    def hit(n, dense):
        return Hit(Passage(n, f"a-{n}", "a.txt", "x", 0, 1), 1.0, dense, 0.0)

    hits = [hit(0, 0.91), hit(1, 0.895), hit(2, 0.85), hit(3, 0.0)]
    near = Answerer._closest(SimpleNamespace(settings={"DETAIL_MARGIN": 0.03}), hits)
    assert [h.passage.id for h in near] == [0, 1]


def test_a_title_question_skips_an_editors_note_for_the_article_it_introduces():
    # 编者按 is the label of a note introducing the article printed with it on the page
    from types import SimpleNamespace

    from qa.answer import Answerer
    from qa.retrieve import Hit

    heads = {"note": "编者按", "story": "小城书店的十年", "other": "别处的新闻"}
    index = SimpleNamespace(articles={k: SimpleNamespace(headline=v) for k, v in heads.items()})
    me = SimpleNamespace(index=index)

    def hit(n, article, source):
        return Hit(Passage(n, article, source, "x", 0, 1), 1.0, 0.9, 0.0)

    hits = [hit(0, "note", "a.txt"), hit(1, "other", "b.txt"), hit(2, "story", "a.txt")]
    assert Answerer._asked_about(me, hits).article_id == "story"
    assert Answerer._asked_about(me, hits[:2]).article_id == "note"  # nothing beside it: as is
    assert Answerer._asked_about(me, hits[1:]).article_id == "other"


def test_a_counter_the_question_uses_is_the_one_the_answer_prints():
    # 几支队伍 wants a count of 支, 多少根 one of 根: a date or a count of people is no answer
    kind = answer_kinds("这次联欢会一共有几支乐队登台？")[0]
    assert kind[0] == "specific unit"
    assert kind[1].search("共有14支乐队登台") and not kind[1].search("12月3日，联欢会开幕")
    assert answer_kinds("旗杆用了多少根钢管？")[0][1].search("用去钢管36根")


ARCHIVE_PAGE = (
    "5月9日傍晚，河东镇文化广场上彩灯高挂，人头攒动。首届乡村歌会的决赛就在这里举行。"
    "本届歌会共有来自各村的23支合唱队报名。"
)


def _passage_of(page: str) -> Passage:
    p = Passage(0, "b-01", "b.txt", page, 0, len(page))
    p.sentences = cut_sentences(page, 0, len(page))
    return p


def _read(question: str):
    p = _passage_of(ARCHIVE_PAGE)
    cues = read_cues(question)
    best = best_sentence(cues, [p], {"b.txt": ARCHIVE_PAGE}, {"b-01": "乡村歌会"})
    return best, with_value_beside(cues, best)


def test_the_answer_reads_on_to_the_sentence_beside_that_gives_the_value():
    # the sentence naming the event says only 在这里: the date and the place stand before it
    best, read = _read("首届乡村歌会的决赛是哪天举行的？")
    assert "决赛就在这里举行" in best.text and "5月9日" not in best.text
    assert read.text.startswith("5月9日傍晚") and read.text.endswith("就在这里举行。")
    # the span is exact: the page text between its ends is the answer, both sentences
    assert ARCHIVE_PAGE[read.char_start : read.char_end] == read.text


def test_an_answer_holding_the_value_is_not_extended():
    best, read = _read("本届乡村歌会共有多少支合唱队报名？")
    assert read == best and "23支" in read.text


def test_a_cue_counts_only_near_the_question_word():
    # 钱 at the far end of a 哪位 question is part of the story, not what is asked
    kinds = [k for k, _ in answer_kinds("大家捐钱修桥那年冬天，村里的工程是由哪位老党员牵头的？")]
    assert "money" not in kinds and "person" in kinds
    assert answer_kinds("新桥的造价是多少？")[0][0] == "money"
