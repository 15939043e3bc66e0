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


def first_page_text(pdf: bytes) -> str:
    if shutil.which("pdftotext") is None:
        if os.environ.get("CI"):
            pytest.fail("pdftotext is missing (apt-get install poppler-utils)")
        pytest.skip("pdftotext is missing (apt-get install poppler-utils)")
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(pdf)
        f.flush()
        return subprocess.run(["pdftotext", "-f", "1", "-l", "1", f.name, "-"],
                              capture_output=True, text=True, check=True).stdout


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
