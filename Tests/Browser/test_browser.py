"""The real-browser smoke test: home page, language switch, sign-in, on a desktop and a phone."""
import os

from conftest import ADMIN_PASSWORD

SHOTS = os.environ.get("LEARNCITY_SCREENSHOTS")  # a directory: keep screenshots to look at


def shot(page, name):
    if SHOTS:
        os.makedirs(SHOTS, exist_ok=True)
        page.screenshot(path=os.path.join(SHOTS, name + ".png"), full_page=True)


def test_home_switch_language_and_sign_in(server, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page.goto(server.base + "/")
    assert page.locator("html").get_attribute("lang") == "zh-Hans"
    assert "2014年目标任务进展" in page.locator("h2#targets").inner_text()
    assert page.locator("article.target").count() == 5
    assert page.locator("svg.progress title").count() == 5
    shot(page, "home-zh")

    page.click("a.lang")
    assert page.locator("html").get_attribute("lang") == "en"
    assert "Targets for 2014" in page.locator("h2#targets").inner_text()
    page.goto(server.base + "/")  # the choice sticks (cookie)
    assert page.locator("html").get_attribute("lang") == "en"
    shot(page, "home-en")

    page.click("text=Staff sign-in")
    page.fill("#username", "admin")
    page.fill("#password", "wrong")
    page.click("main button[type=submit]")
    assert "not correct" in page.locator(".alert").inner_text()
    page.fill("#password", ADMIN_PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url("**/workspace")
    assert "System admin" in page.content()
    shot(page, "workspace-en")
    page.click("button.link")  # sign out
    page.wait_for_url(server.base + "/")
    page.close()


def test_empty_fields_show_messages_next_to_them(server, browser):
    page = browser.new_page()
    page.goto(server.base + "/signin?lang=zh")
    page.click("main button[type=submit]")
    assert page.locator("#username-error").inner_text() == "请填写此项。"
    assert page.locator("#password-error").is_visible()
    shot(page, "signin-errors-zh")
    page.close()


def test_phone_width_has_no_horizontal_scroll(server, browser):
    page = browser.new_page(viewport={"width": 360, "height": 780}, device_scale_factor=2, is_mobile=True)
    page.goto(server.base + "/?lang=zh")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"page is {width}px wide on a 360px screen"
    shot(page, "home-phone-zh")
    page.close()


def test_prints_on_a4(server, browser):
    page = browser.new_page()
    page.goto(server.base + "/?lang=zh")
    pdf = page.pdf(format="A4")
    assert pdf[:4] == b"%PDF" and len(pdf) > 10_000
    page.close()
