"""The home page as each role finds it on the demo data: the cards it warrants, counted by hand from the demo
(DemoLedger, DemoLitigation, DemoSupervision, DemoDisputes), and a card's link leading to a list of the same count. Runs before
test_ledger.py, which changes 方城县's ledger."""
import re

from conftest import ARTIFACTS, BASE, sign_in, sign_out


def counts(page):
    """Each card's element id and count, in the order shown."""
    return [
        (card.get_attribute("id"), int(card.get_attribute("data-count")))
        for card in page.locator(".home-card").all()
    ]


def follow(page, card_id, total_selector, unit):
    """Follows a card's title to its list and checks the list says the card's count."""
    count = page.get_attribute(f"#{card_id}", "data-count")
    page.click(f"#{card_id} h2 a")
    page.wait_for_load_state()
    assert page.inner_text(total_selector).strip() == f"共 {count} {unit}"


def test_a_liaison_finds_their_units_work_and_follows_it_to_the_ledger(page):
    # 方城县司法局: late on items 7, 20 and 2; item 20 sent back; item 2's extension refused.
    sign_in(page, "fangcheng.sfj")
    page.wait_for_url(re.compile(r"/regions/411322$"))
    assert counts(page) == [
        ("card-ledger-late", 3), ("card-ledger-returned", 1), ("card-ledger-extensionDecided", 1),
        ("card-ledger-toSign", 0), ("card-supervision-toAnswer", 0), ("card-ledger-dueSoon", 0),
    ]
    assert page.inner_text("#card-ledger-returned li a") == "完善劳动争议化解机制"
    assert page.inner_text("#card-ledger-toSign p") == "今日无待签收事项"
    page.screenshot(path=str(ARTIFACTS / "home-liaison.png"), full_page=True)
    follow(page, "card-ledger-late", "#ledger-total", "项")
    assert page.input_value("[aria-label='是否逾期']") == "overdue"
    sign_out(page)


def test_an_account_with_nothing_due_sees_the_empty_state(page):
    sign_in(page, "lushan.zrzy")
    page.wait_for_url(re.compile(r"/regions/410423$"))
    assert page.inner_text("#home-empty") == "今日无待办。"
    assert all(count == 0 for _, count in counts(page))
    sign_out(page)


def test_an_office_finds_what_waits_on_it(page):
    sign_in(page, "fangcheng.office")
    page.wait_for_url(re.compile(r"/regions/411322$"))
    assert counts(page) == [
        ("card-ledger-toReview", 1), ("card-ledger-extensionPending", 1), ("card-ledger-lateByUnit", 11),
        ("card-ledger-periodicMissing", 1),
    ]
    assert page.locator("#card-ledger-lateByUnit li").first.inner_text().split("\n") == [
        "方城县人民法院", "逾期 10 项 · 临期 0 项"]
    page.screenshot(path=str(ARTIFACTS / "home-office.png"), full_page=True)
    follow(page, "card-ledger-toReview", "#ledger-total", "项")
    page.go_back()
    # A row of the by-unit card is that unit's late items.
    page.click("#card-ledger-lateByUnit li a >> nth=0")
    assert page.inner_text("#ledger-total") == "共 10 项"
    sign_out(page)


def test_court_staff_find_their_hearings_and_cases(page):
    sign_in(page, "lushan.court")
    page.wait_for_url(re.compile(r"/regions/410423$"))
    assert counts(page)[:6] == [
        ("card-litigation-headAbsent", 1), ("card-litigation-overTime", 16), ("card-litigation-unheard", 1),
        ("card-litigation-warnings", 3), ("card-disputes-overdue", 1), ("card-litigation-hearingSoon", 1),
    ]
    # The resolution centre's dispute late with 住建局's handler.
    assert "赵某与鲁山县住房和城乡建设局" in page.inner_text("#card-disputes-overdue li")
    assert "鲁山县住房和城乡建设局" in page.inner_text("#card-litigation-headAbsent li")
    page.screenshot(path=str(ARTIFACTS / "home-court.png"), full_page=True)
    follow(page, "card-litigation-overTime", "#case-count", "件")
    sign_out(page)


def test_a_leader_sees_the_region_at_a_glance(page):
    sign_in(page, "lushan.leader")
    page.wait_for_url(re.compile(r"/regions/410423$"))
    assert counts(page) == [
        ("card-litigation-warnings", 3), ("card-ledger-progress", 10), ("card-litigation-figures", 6),
        ("card-enforcement-late", 2), ("card-disputes-overdue", 1), ("card-disputes-figures", 5),
        ("card-supervision-quarter", 0),
    ]
    disputes = page.locator("#card-disputes-figures li")
    assert disputes.nth(0).inner_text().split("\n") == ["化解率 66.7%", "目标 ≥60%，达标"]
    figures = page.locator("#card-litigation-figures li")
    assert figures.nth(0).inner_text().split("\n") == ["发案量（一审新收）", "6 件（上年同期 8 件）"]
    assert figures.nth(1).inner_text().split("\n") == ["败诉率", "33.3%（上年同期 37.5%）"]
    assert figures.nth(3).inner_text().split("\n") == ["双下降", "发案量与败诉率同比双下降"]
    page.screenshot(path=str(ARTIFACTS / "home-leader.png"), full_page=True)
    follow(page, "card-ledger-progress", "#ledger-total", "项")
    sign_out(page)


def test_the_administrators_find_their_own_cards(page):
    sign_in(page, "auditor")
    page.wait_for_url(re.compile(r"/regions/410000$"))
    assert [card for card, _ in counts(page)] == ["card-audit-chain"]
    sign_out(page)
    sign_in(page, "sysadmin")
    page.wait_for_url(re.compile(r"/regions/410000$"))
    assert [card for card, _ in counts(page)] == ["card-org-disabledAccounts"]
    sign_out(page)


PHONE_PAGES = {
    "fangcheng.office": ["/regions/411322", "/regions/411322/ledger", "/regions/411322/supervision",
                         "/regions/411322/litigation", "/regions/411322/meeting", "/notices",
                         "/account/password"],
    "pds.office": ["/regions/410400", "/regions/410400/units", "/regions/410400/litigation",
                   "/regions/410400/litigation/cases", "/regions/410400/litigation/bulletin"],
    "lushan.court": ["/regions/410423", "/regions/410423/litigation/cases/new"],
    "auditor": ["/regions/410000", "/audit"],
    # (The security administrator has a second factor by now: test_foundation.py sets it up.)
    "sysadmin": ["/admin/regions", "/admin/tokens", "/admin/users"],
}


def test_on_a_phone_no_page_scrolls_sideways(browser):
    context = browser.new_context(
        base_url=BASE, locale="zh-CN", viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    for user, paths in PHONE_PAGES.items():
        sign_in(page, user)
        page.wait_for_load_state()
        # An item page and a case page, found from the lists.
        if user == "fangcheng.office":
            paths = paths + [page.goto("/regions/411322/ledger") and page.get_attribute("#ledger td a", "href")]
        if user == "pds.office":
            page.goto("/regions/410400/litigation/cases")
            paths = paths + [page.get_attribute("#cases td a", "href")]
        for path in paths:
            assert page.goto(path).status == 200, path
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= 390, f"{path} is {width}px wide"
        sign_out(page)
    # The ledger's rows are stacked, each cell with its column's name.
    sign_in(page, "fangcheng.office")
    page.goto("/regions/411322/ledger")
    page.screenshot(path=str(ARTIFACTS / "phone-ledger.png"))
    assert page.locator("#ledger thead").is_hidden()
    before = page.evaluate(
        "getComputedStyle(document.querySelector('#ledger td[data-label=\"事项\"]'), '::before').content")
    assert before == '"事项："'
    page.goto("/regions/411322")
    page.screenshot(path=str(ARTIFACTS / "phone-home.png"))
    context.close()
