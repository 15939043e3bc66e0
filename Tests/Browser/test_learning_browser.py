"""Learning in a real browser: records imported from the XLSX sample move the targets on the home
page at once; a centre publishes a course; anyone finds it on a phone."""
import os
import re

from conftest import ADMIN_PASSWORD
from test_browser import shot

SAMPLES = os.path.join(os.path.dirname(__file__), "..", "Fixtures")


def sign_in(page, server):
    page.goto(server.base + "/signin")
    page.fill("#username", "admin")
    page.fill("#password", ADMIN_PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url("**/workspace")


def t3_value(page, server) -> int:
    page.goto(server.base + "/?lang=zh")
    text = page.locator("article.target").nth(2).inner_text()
    return int(re.search(r"([\d,]+)\s*人次", text).group(1).replace(",", ""))


def test_records_import_moves_the_targets_now(server, browser):
    page = browser.new_page(locale="zh-CN")
    before = t3_value(page, server)
    sign_in(page, server)
    page.goto(server.base + "/imports")
    page.select_option("#kind", "records")
    page.set_input_files("#file", os.path.join(SAMPLES, "records-2014Q3.xlsx"))
    page.click("main button[type=submit]")
    assert "试运行结果" in page.content()
    assert page.locator("#conflicts tbody tr").count() == 3
    assert page.locator("#preview tbody tr").count() == 10
    shot(page, "records-dry-run")
    page.click("text=确认导入")
    page.wait_for_selector("text=导入完成", timeout=60000)
    after = t3_value(page, server)
    assert after > before, (before, after)
    shot(page, "home-after-records")
    page.close()


def test_a_course_published_and_found_on_a_phone(server, browser):
    page = browser.new_page(locale="zh-CN")
    sign_in(page, server)
    page.goto(server.base + "/courses/new")
    page.click("main button[type=submit]")
    assert page.locator("#title-error").is_visible() and page.locator("#hours-error").is_visible()
    page.fill("#title", "健康坝坝舞（秋季班）")
    page.fill("#category", "健康坝坝舞")
    page.select_option("#provider", page.eval_on_selector("#provider", "s => [...s.options].find(o => o.text.includes('东乡街道')).value"))
    page.fill("#hours", "12")
    page.fill("#capacity", "40")
    page.check("input[name=featured]")
    page.click("main button[type=submit]")
    page.wait_for_url(re.compile(r".*/courses/\d+$"))
    assert "健康坝坝舞（秋季班）" in page.content() and "特色课程" in page.content()
    shot(page, "course-page")
    page.close()

    phone = browser.new_page(locale="zh-CN", viewport={"width": 360, "height": 780}, device_scale_factor=2, is_mobile=True)
    phone.goto(server.base + "/courses?region=511722")
    assert "健康坝坝舞（秋季班）" in phone.content()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    shot(phone, "courses-phone")
    phone.goto(server.base + "/resources")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    phone.close()


def test_dashboard_prints_on_a4_and_fits_a_phone(server, browser):
    page = browser.new_page(locale="zh-CN")
    sign_in(page, server)
    page.goto(server.base + "/dashboard?year=2014")
    assert page.locator("article.target").count() == 5 and page.locator("svg.trend").count() == 1
    shot(page, "dashboard")
    pdf = page.pdf(format="A4")
    assert pdf[:4] == b"%PDF" and len(pdf) > 20_000
    page.set_viewport_size({"width": 360, "height": 780})
    page.goto(server.base + "/dashboard?year=2014")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"dashboard is {width}px wide on a phone"
    page.close()
