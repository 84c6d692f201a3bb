"""An office uploads a 实施方案, checks the items read from it beside the document, corrects one, leaves one out and
commits the rest into a list of the ledger; the same document a second time is refused."""
import pathlib

from conftest import sign_in

SEED = pathlib.Path(__file__).resolve().parent.parent / "Tests" / "Fixtures" / "Documents" / "seed-002-ruzhou-plan.txt"


def test_a_plan_is_read_reviewed_beside_the_document_and_committed(page):
    sign_in(page, "ruzhou.office")
    page.goto("/regions/410482")
    page.click("nav.menu >> text=公文入账")
    assert page.url.endswith("/regions/410482/documents")
    page.set_input_files("#f-file", str(SEED))
    page.click("#upload-form button[type=submit]")

    assert page.inner_text("h1") == "解决行政机关败诉率高、行政争议实质化解效果不佳问题工作方案"
    assert page.inner_text("#document-number") == "汝府院联席办〔2022〕4号"
    assert page.inner_text("#document-state") == "待核对"
    assert "识别出的事项（17）" in page.inner_text("#commit-form h2")
    assert "未匹配的单位（2）" in page.inner_text("#unmatched h2")
    assert "“15个乡（镇）人民政府” 见第 5 项的责任单位" in page.inner_text("#unmatched")
    # The lines an item came from are marked in the document, and its link brings them into view.
    second = page.locator("#item-2")
    assert second.locator("legend").inner_text().startswith("第 2 项 （二）")
    assert page.input_value("#item-2 input[name='items[1][responsible]']") == "汝州市人民政府办公室"
    assert page.input_value("#item-2 input[name='items[1][deadline]']") == "持续推进"
    second.locator("a", has_text="原文第 39–43 行").click()
    assert page.url.endswith("#line-39")
    assert page.get_attribute("#line-39", "class") == "sourced"
    assert page.inner_text("#line-39").startswith("(二)规范行政复议案件审理工作。")
    assert page.get_attribute("#line-38", "class") == ""

    # One correction (a lead named by its short form), one item left out.
    page.fill("input[name='items[0][title]']", "建立行政复议咨询委员会")
    page.fill("input[name='items[0][lead]']", "市政府办公室")
    page.uncheck("#item-17 input[name='items[16][include]']")
    page.fill("#f-title", "汝州市败诉率问题工作方案")
    page.click("#commit-form button[type=submit]")

    assert "/regions/410482/ledger?list=" in page.url
    assert page.inner_text("#ledger-total") == "共 16 项"
    assert page.locator("#ledger a:text-is('建立行政复议咨询委员会')").count() == 1
    page.goto("/regions/410482/documents")
    assert "入账为“汝州市败诉率问题工作方案”（16 项）" in page.inner_text("#documents")

    # The same file again: read, but not committed a second time unless asked for.
    page.set_input_files("#f-file", str(SEED))
    page.click("#upload-form button[type=submit]")
    page.click("#commit-form button[type=submit]")
    assert "这份公文已于" in page.inner_text("[role=alert]")
    assert page.inner_text("#document-state") == "待核对"


NOTICE = """方城县人民政府 方城县人民法院 方城县人民检察院
关于调整方城县府院联动工作领导小组组成人员的通知

各乡镇人民政府、街道办事处，县人民政府各部门：

一、组成人员

召 集 人：张某某（县长）

副召集人：李某（县人民法院院长）

王某（县人民检察院检察长）

成员：县政府办、县法院、县检察院、县司法局、县公安局主要负责同志。

二、工作机构

领导小组办公室设在县司法局，负责日常工作。

方城县人民政府

2026年11月20日
"""


def test_a_notices_roster_is_checked_in_the_roster_form_and_saved(page, tmp_path):
    notice = tmp_path / "领导小组调整通知.txt"
    notice.write_text(NOTICE, encoding="utf-8")
    sign_in(page, "fangcheng.office")
    page.goto("/regions/411322/documents")
    page.set_input_files("#f-file", str(notice))
    page.click("#upload-form button[type=submit]")
    assert page.inner_text("h1") == "关于调整方城县府院联动工作领导小组组成人员的通知"
    assert page.locator("#roster-people tbody tr").count() == 3
    assert "成员单位（5）" in page.inner_text("#roster-members")
    page.click("#review-roster")
    assert page.input_value("[aria-label='第 1 行姓名']") == "张某某"
    assert page.input_value("[aria-label='第 3 行姓名']") == "王某"
    assert page.input_value("#f-approvedBy") == "张某某"
    assert page.input_value("input[name=approvedOn]") == "2026-11-20"
    # The office corrects a post before saving.
    page.fill("[aria-label='第 2 行现任职务']", "县人民法院党组书记、院长")
    page.click("#roster-form button[type=submit]")
    assert page.url.endswith("/regions/411322/meeting?saved=1")
    latest = page.locator("#changes tbody tr").first.inner_text()
    assert "增加召集人：张某某（县长）" in latest
    assert "增加副召集人：李某（县人民法院党组书记、院长）" in latest
    assert "办公室设在：（空） → 方城县司法局" in latest
    assert page.locator("#members tbody tr").count() == 5
    page.goto("/regions/411322/documents")
    assert "更新联席会议组成（3 名组成人员、5 个成员单位）" in page.inner_text("#documents")
