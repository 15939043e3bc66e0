"""The city office's year in a real browser (issue 15): multi-line fields typed with the keyboard
(browsers send CRLF) are accepted, and the dashboard and the annual return print with their
content on page 1, not the header alone."""
import os
import re
import shutil
import subprocess
import tempfile

import pytest

from test_browser import shot
from test_learning_browser import sign_in


def type_lines(page, selector, lines):
    """Types lines into a textarea as a person does: Enter between them."""
    page.click(selector)
    for index, line in enumerate(lines):
        if index:
            page.keyboard.press("Enter")
        page.keyboard.type(line)


def test_multi_line_fields_typed_in_a_browser_are_accepted(server, browser):
    page = browser.new_page(locale="zh-CN")
    sign_in(page, server)
    page.goto(server.base + "/reports")
    page.fill("#title", "活动情况表（键入）")
    page.select_option("#kind", "year")
    page.fill("#first", "2014")
    page.fill("#last", "2014")
    page.fill("#days", "31")
    type_lines(page, "#fields", ["开展活动场次 | 数字", "参与人次 | 数字"])
    page.locator("input[name='units[]']").first.check()
    page.locator("main form[action='/reports/forms'] button[type=submit]").click()
    page.wait_for_url(re.compile(r".*/reports/forms/\d+$"))
    assert "参与人次" in page.content() and "类型应为" not in page.content()
    shot(page, "typed-report-form")

    page.goto(server.base + "/inspections")
    page.fill("#date", "2014-11-22")
    page.select_option("#organisation", index=1)
    page.fill("#inspectors", "督导组")
    type_lines(page, "#findings", ["台账不全", "制度未上墙"])
    type_lines(page, "#rectifications", ["完善台账 | 2014-12-31", "补录档案 | 2014-12-15"])
    page.locator("main form[action='/inspections'] button[type=submit]").click()
    page.wait_for_url(re.compile(r".*/inspections/\d+$"))
    text = page.content()
    assert "完善台账" in text and "补录档案" in text and "应为“要求" not in text
    # The findings keep their two lines on screen.
    assert page.locator("p.lines", has_text="台账不全").inner_text().splitlines() == ["台账不全", "制度未上墙"]
    shot(page, "typed-inspection")
    page.close()


def pdf_pages(pdf: bytes) -> list:
    """The text of each page of a PDF (pdftotext ends every page with a form feed)."""
    if shutil.which("pdftotext") is None:
        if os.environ.get("CI"):
            pytest.fail("pdftotext is missing (apt-get install poppler-utils)")
        pytest.skip("pdftotext is missing (apt-get install poppler-utils)")
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(pdf)
        f.flush()
        text = subprocess.run(["pdftotext", f.name, "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:-1]


def first_page_text(pdf: bytes) -> str:
    return pdf_pages(pdf)[0]


@pytest.mark.parametrize("path, expected", [("/dashboard?year=2014", "成人学历教育"),
                                            ("/dashboard/annual?year=2014", "按部门")])
def test_printing_puts_the_content_on_page_one(server, browser, path, expected):
    page = browser.new_page(locale="zh-CN")
    sign_in(page, server)
    page.goto(server.base + path)
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
    assert expected in first_page_text(pdf), path
    page.close()


def government_report_print(page, server) -> str:
    """The print URL of a report to government, drafting one for 2014 Q4 if there is none."""
    page.goto(server.base + "/reports/government")
    links = page.locator("main a[href^='/reports/government/']")
    if links.count() == 0:
        page.select_option("#period", "2014-Q4")
        page.locator("main form[action='/reports/government'] button[type=submit]").click()
        page.wait_for_url(re.compile(r".*/reports/government/\d+$"))
    else:
        links.first.click()
    return re.sub(r"(/reports/government/\d+).*", r"\1/print", page.url)


def title_lines(lines, title) -> list:
    """The printed lines that together make up `title` (the first run of lines that does)."""
    for start, line in enumerate(lines):
        taken, joined = [], ""
        for following in lines[start:]:
            if not title.startswith(joined + following):
                break
            taken.append(following)
            joined += following
            if joined == title:
                return taken
    raise AssertionError(f"title {title!r} not found in {lines}")


def test_government_report_prints_like_an_official_document(server, browser):
    """Issue 15 #19: the title's lines are balanced (no character alone on a line), 附表二's header
    cells keep their words on one line, and an appendix heading is never the last line of a page
    (pushed down the page by spacers of every height, it always has its table header with it)."""
    page = browser.new_page(locale="zh-CN")
    sign_in(page, server)
    page.goto(government_report_print(page, server))
    pages = pdf_pages(page.pdf(format="A4", prefer_css_page_size=True))
    lines = [line.strip() for text in pages for line in text.splitlines() if line.strip()]
    assert all(len(line) > 1 for line in title_lines(lines, page.title())), lines
    words = [word for line in lines for word in line.split()]
    assert all(header in words for header in ["应报", "已报", "按时", "未报单位"]), lines

    headings = page.locator("section.appendix h2").all_inner_texts()
    assert len(headings) >= 2
    last = headings[-1].split("\u3000")[0]   # 附表三: the words after it may wrap in the PDF's text
    for spacer in range(0, 260, 8):
        page.evaluate("""height => {
            document.querySelectorAll('.spacer').forEach(e => e.remove());
            const section = [...document.querySelectorAll('section.appendix')].pop();
            const spacer = document.createElement('div');
            spacer.className = 'spacer';
            spacer.style.height = height + 'mm';
            section.before(spacer);
        }""", spacer)
        printed = pdf_pages(page.pdf(format="A4", prefer_css_page_size=True))
        holder = next(text for text in printed if last in text)
        assert "合计" in holder.split(last, 1)[1], f"spacer {spacer} mm: {last} is alone at the foot of its page"
    page.close()

