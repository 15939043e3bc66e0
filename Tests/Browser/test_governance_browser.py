"""Governance in a real browser: a member unit fills its quarterly report (prefilled, flagged),
the office returns and approves it; the report to the government prints on A4 in the official
layout; every governance page answers and fits a phone, in Chinese and English."""
import re

from conftest import run_cli
from test_browser import shot
from test_learning_browser import sign_in


def sign_in_as(page, server, username, first_password, password):
    page.goto(server.base + "/signin")
    page.fill("#username", username)
    page.fill("#password", first_password)
    page.click("main button[type=submit]")
    page.wait_for_url("**/account/password")
    page.fill("#current", first_password)
    page.fill("#password", password)
    page.fill("#confirm", password)
    page.click("main button[type=submit]")


def test_a_unit_reports_and_the_office_reviews(server, browser):
    env = {"LEARNCITY_DATA_DIR": server.env["LEARNCITY_DATA_DIR"]}
    made = run_cli("user", "create", "edu.reporter", "--name", "教育局填报员", "--role", "member_unit",
                   "--org", "MU-EDU", "--password", "edu-password-1", env=env)
    assert made.returncode == 0, made.stderr

    unit = browser.new_page(locale="zh-CN")
    sign_in_as(unit, server, "edu.reporter", "edu-password-1", "edu-password-2")
    unit.goto(server.base + "/workspace")
    assert "待办提醒" in unit.content() and "逾期未报" in unit.content()   # 2014's deadlines have passed
    shot(unit, "workspace-reminders")
    unit.goto(server.base + "/reports")
    row = unit.locator("#owed tr", has_text="2014年第三季度").first
    row.locator("button").click()
    unit.wait_for_url(re.compile(r".*/reports/submissions/\d+$"))
    report_url = unit.url
    unit.click("button[value=submit]")   # empty fields: messages next to them, nothing submitted
    assert unit.locator(".field-error").count() >= 3
    unit.fill("#f1", "999999")
    unit.fill("#f4", "12.5")
    unit.fill("#f5", "开展社区教育培训两期")
    unit.select_option("#f6", "是")
    unit.click("button[value=save]")
    assert "与系统记录相差超过 10%" in unit.content()
    shot(unit, "report-draft-flagged")
    unit.fill("#f1", "0")
    unit.click("button[value=submit]")
    assert "已提交" in unit.content()

    office = browser.new_page(locale="zh-CN")
    sign_in(office, server)
    office.goto(server.base + "/reports")
    assert office.locator("#review a").count() >= 1
    shot(office, "reports-office")
    office.goto(report_url)
    office.click("button[value=return]")
    assert "退回时请写明意见" in office.content()
    office.fill("#comment", "请补充经费说明")
    office.click("button[value=return]")
    unit.goto(report_url)
    assert "请补充经费说明" in unit.content()
    unit.click("button[value=submit]")
    office.goto(report_url)
    office.click("button[value=approve]")
    assert "已审核通过并锁定" in office.content()
    shot(office, "report-approved")
    office.goto(server.base + "/reports")
    office.locator("#forms a", has_text="成员单位季度工作情况报表").click()
    assert office.locator("#matrix tbody tr").count() == 19 and "已通过" in office.locator("#matrix").inner_text()
    shot(office, "report-form-overview")
    unit.close()
    office.close()


def test_the_report_to_government_prints_in_the_official_layout(server, browser):
    page = browser.new_page(locale="zh-CN")
    sign_in(page, server)
    page.goto(server.base + "/reports/government")
    page.select_option("#period", "2014-Q3")
    page.click("main button[type=submit]")
    page.wait_for_url(re.compile(r".*/reports/government/\d+$"))
    assert page.locator("#report-indicators tbody tr").count() == 5
    shot(page, "government-report-draft")
    page.goto(page.url + "/print")
    assert "数据截至" in page.content() and "附表一" in page.content()
    shot(page, "government-report-print")
    pdf = page.pdf(format="A4", display_header_footer=False)
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
    page.close()


GOVERNANCE_PAGES = ["/plan", "/notices", "/reports", "/reports/government", "/meetings", "/liaisons", "/projects",
                    "/funds", "/funds/report?half=2014-H1", "/inspections", "/assessment?year=2014"]


def test_governance_pages_answer_in_both_languages_and_fit_a_phone(server, browser):
    phone = browser.new_page(locale="zh-CN", viewport={"width": 360, "height": 780}, device_scale_factor=2, is_mobile=True)
    sign_in(phone, server)
    for path in GOVERNANCE_PAGES:
        for lang in ("zh", "en"):
            response = phone.goto(server.base + path + ("&" if "?" in path else "?") + "lang=" + lang)
            assert response.status == 200, (path, lang, response.status)
            assert phone.evaluate("document.documentElement.scrollWidth") <= 360, (path, lang)
        name = path.strip("/").split("?")[0].replace("/", "-")
        shot(phone, "phone-" + name)
    desktop = browser.new_page(locale="en-GB", viewport={"width": 1280, "height": 900})
    sign_in(desktop, server)
    for path in ["/projects", "/funds", "/assessment?year=2014", "/meetings", "/inspections"]:
        desktop.goto(server.base + path + ("&" if "?" in path else "?") + "lang=en")
        shot(desktop, "en-" + path.strip("/").split("?")[0])
        desktop.goto(server.base + path + ("&" if "?" in path else "?") + "lang=zh")
        shot(desktop, "zh-" + path.strip("/").split("?")[0])
    desktop.goto(server.base + "/projects?lang=zh")
    project = desktop.locator("main a[href^='/projects/']").first
    project.click()
    shot(desktop, "zh-project")
    phone.close()
    desktop.close()


def test_governance_detail_pages_in_both_languages_on_a_phone(server, browser):
    phone = browser.new_page(locale="zh-CN", viewport={"width": 360, "height": 780}, device_scale_factor=2, is_mobile=True)
    sign_in(phone, server)
    for listing, prefix in [("/plan", "/plan/items/"), ("/meetings", "/meetings/"), ("/inspections", "/inspections/"), ("/projects", "/projects/")]:
        phone.goto(server.base + listing)
        href = phone.locator(f"main a[href^='{prefix}']").first.get_attribute("href")
        for lang in ("zh", "en"):
            response = phone.goto(server.base + href + "?lang=" + lang)
            assert response.status == 200, (href, lang)
            assert phone.evaluate("document.documentElement.scrollWidth") <= 360, (href, lang)
            shot(phone, "phone-" + lang + "-" + prefix.strip("/").replace("/", "-"))
    phone.close()

