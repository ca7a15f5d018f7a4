"""Traditional characters folded to simplified, for matching the convention tables only.

Hong Kong, Macau, Taiwan and overseas papers, and many reprinted older pages, set their
furniture and credits in traditional characters: 【本報訊】（記者…）, 本報評論員, 責任編輯,
遺失聲明, 啟事. The tables of this package are written once, in simplified characters; a
page is matched in a folded copy where each traditional character below stands as its
simplified form. One character stands for one, so every offset in the copy is the page's own,
and every text a citation shows (headline, byline, publication, body) is read back from the
page as printed (``as_printed``), never from the copy.

Each row names the conventions whose words need it; a character used by several is listed
once. Only characters that are traditional forms alone are folded (後, not 后), so a
simplified page is its own folded copy.
"""

from __future__ import annotations

import array
import bisect
import functools
import re

# (conventions, traditional, simplified): the same length, character for character.
ROWS: tuple[tuple[str, str, str], ...] = (
    (
        "datelines and credits: 本報訊, 新華社…電, 記者, 通訊員, 評論員, 報道, 攝, 實習生, 圖/文",
        "報訊華電記員評論導攝實習圖紙專約見週",
        "报讯华电记员评论导摄实习图纸专约见周",
    ),
    (
        "page furniture: 責任編輯, 版式設計, 來源, 農曆, 第…號, 機關報, 頁, 返回目錄, 營業部",
        "責編輯設計來農曆歷號機關頁錄綜藝術營",
        "责编辑设计来农历历号机关页录综艺术营",
    ),
    (
        "headings and notices: 簡訊, 廣告, 聲明, 啟事, 啓事, 標題, 開欄的話, 讀者來信, 導讀, 誠聘,"
        " 佈告",
        "簡廣聲啟啓標題開欄話語讀覽誠佈",
        "简广声启启标题开栏话语读览诚布",
    ),
    (
        "service and genre labels: 天氣, 熱線, 數據, 觀察, 點評, 專訪, 動態, 問答, 雜談",
        "氣熱數據點觀視訪態動問說書畫繪雜隨筆談雲積競傳",
        "气热数据点观视访态动问说书画绘杂随笔谈云积竞传",
    ),
    (
        "issuers and contacts: 集團, 委員會, 辦公室, 協會, 學校, 廳, 處, 館, 廠, 組, 聯繫, 諮詢, "
        "某某莊謹啟",
        "團會辦協學廳處館廠組聯繫諮詢際業場職環錦莊謹",
        "团会办协学厅处馆厂组联系咨询际业场职环锦庄谨",
    ),
    (
        "places and words beside the tables: 縣, 區, 鎮, 鄉, 門, 為, 與, 於, 這, 們, 個, 發, 後",
        "隊縣區鎮鄉門長東為與於這們個發後單體",
        "队县区镇乡门长东为与于这们个发后单体",
    ),
    (
        "issue dates of the Republic's years: 中華民國二十五年",
        "國",
        "国",
    ),
    (
        "a late-Qing paper's standing columns: 上諭恭錄, 京師近事, 緊要新聞, 時評",
        "諭師緊時",
        "谕师紧时",
    ),
    (
        "issue dates of an emperor's reign and the week: 光緒, 宣統, 禮拜; a paper's postal "
        "registration: 新聞紙類",
        "緒統禮類",
        "绪统礼类",
    ),
    (
        "words beside the tables: 作者簡介, 項目, 費用, 轉載, 標準, a table's 註：",
        "項費轉準註",
        "项费转准注",
    ),
    (
        "service lines and sites: 預約專線, 服務專線, 網址, 網站",
        "線預網務",
        "线预网务",
    ),
    (
        "sections and columns: 本埠新聞, 要聞, 電訊, 地方通訊, 新股速遞",
        "聞遞",
        "闻递",
    ),
    (
        "classified genres and their signers: 遺失, 尋人, 尋物, 脫離關係, 某某銀樓啟, 某某藥房啟",
        "遺尋脫離係銀樓藥",
        "遗寻脱离系银楼药",
    ),
    (
        "a serial's markers and a theatre's ads: （續昨）, （續前）, 座價, 預定座位",
        "續價",
        "续价",
    ),
    (
        "the closing words of obituaries, thanks and greetings: 敬謝, 泣謝, 敬賀, 恭賀",
        "謝賀",
        "谢贺",
    ),
)

_PAIRS: dict[str, str] = {}
for _what, _trad, _simp in ROWS:
    _PAIRS.update(zip(_trad, _simp))
_TABLE = str.maketrans(_PAIRS)


def simplified(text: str) -> str:
    """The page with the traditional characters of ROWS as their simplified forms."""
    return text.translate(_TABLE)


def traditional_print(text: str, folded: str) -> bool:
    """Is the page set in traditional characters (Hong Kong, Macau, Taiwan, pre-1949
    print)? At least one Han character in twenty is one that simplified() changed: a stray
    traditional form in a name on a simplified page is not enough."""
    han = sum(1 for c in text if "\u4e00" <= c <= "\u9fff")
    changed = sum(1 for a, b in zip(text, folded) if a != b)
    if han > 0 and changed >= 0.05 * han:
        return True
    # an overseas paper may set its text in simplified characters and its headlines in
    # traditional ones: the headlines' tradition is the page's (the headline over its
    # subtitle); its heading lines are the short ones that finish no sentence
    heads = [
        (a, b)
        for a, b in zip(text.split("\n"), folded.split("\n"))
        if 4 <= len(a.strip()) <= 30 and not re.search("[。，；！？：]", a)
    ]
    han = sum(1 for a, _ in heads for c in a if "\u4e00" <= c <= "\u9fff")
    changed = sum(1 for a, b in heads for x, y in zip(a, b) if x != y)
    return len(heads) >= 5 and changed >= 0.05 * han


def as_printed(text: str, folded: str, value: str, start: int = 0, end: int | None = None) -> str:
    """A field read in the folded copy (whitespace removed), as the page prints it.

    The field is found in the folded copy, preferably within [start, end), allowing the
    line breaks and spaces the page sets between its characters; the page's own
    characters at those places are the field as printed. A field that is not one run of
    the page (pieces joined) is folded back character by character, as this page prints
    each character.
    """
    if not value or text is folded:
        return value
    span = find_spaced(folded, value, start, end) or find_spaced(folded, value)
    if span:
        return "".join(text[span[0] : span[1]].split())
    back = _printed_forms(text, folded)
    return "".join(back.get(c, c) for c in value)


def find_spaced(
    text: str, value: str, start: int = 0, end: int | None = None
) -> tuple[int, int] | None:
    """The first place in text[start:end] where ``value`` (a field stored without
    whitespace) is printed with any whitespace between its characters: (start, end) of the
    run, or None. The page's characters without its whitespace are worked out once per page,
    so each field costs one substring search, not a regular expression of its own."""
    if not value:
        return None
    if any(c.isspace() for c in value):
        pattern = re.compile(r"\s*".join(map(re.escape, value)))
        m = pattern.search(text, start, len(text) if end is None else end)
        return (m.start(), m.end()) if m else None
    solid, where = _solid(text)
    lo = bisect.bisect_left(where, start)
    hi = len(where) if end is None else bisect.bisect_left(where, end)
    i = solid.find(value, lo, hi)
    return None if i < 0 else (where[i], where[i + len(value) - 1] + 1)


@functools.lru_cache(maxsize=4)
def _solid(text: str) -> tuple[str, array.array]:
    """The page without its whitespace, and where each of its characters stands on the page."""
    where = array.array("l", (i for i, c in enumerate(text) if not c.isspace()))
    return "".join(text[i] for i in where), where


@functools.lru_cache(maxsize=4)
def _printed_forms(text: str, folded: str) -> dict[str, str]:
    """Folded character -> the page's own, worked out once per page (a page's fields are
    folded back many times; a map built for each would make a long page quadratic). A
    string keeps its hash, so looking the page up again costs nothing."""
    return {f: t for t, f in zip(text, folded) if t != f}
