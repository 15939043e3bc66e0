"""Accounts in a real browser: a citizen registers, a centre confirms them, staff see people masked."""
from conftest import ADMIN_PASSWORD, run_cli
from test_browser import shot

RESIDENT_ID = "511722199001011237"


def test_citizen_registers_and_a_centre_confirms(server, browser):
    env = {"LEARNCITY_DATA_DIR": server.env["LEARNCITY_DATA_DIR"]}
    created = run_cli("user", "create", "centre.dc04", "--name", "东乡中心", "--role", "centre_admin",
                      "--org", "DC-04", "--password", "centre-password-1", env=env)
    assert created.returncode == 0, created.stderr

    citizen = browser.new_page(locale="zh-CN", viewport={"width": 390, "height": 844}, is_mobile=True)
    citizen.goto(server.base + "/register")
    citizen.fill("#name", "宣汉人")
    citizen.fill("#residentID", RESIDENT_ID)
    citizen.fill("#phone", "13912345678")
    citizen.fill("#password", "citizen-password")
    citizen.fill("#confirm", "citizen-password")
    citizen.click("main button[type=submit]")
    citizen.wait_for_url("**/account?registered=1")
    assert "身份尚未确认" in citizen.content()
    shot(citizen, "citizen-pending-phone")

    staff = browser.new_page(locale="zh-CN")
    staff.goto(server.base + "/signin")
    staff.fill("#username", "centre.dc04")
    staff.fill("#password", "centre-password-1")
    staff.click("main button[type=submit]")
    staff.wait_for_url("**/account/password")  # created accounts choose their own password first
    staff.fill("#current", "centre-password-1")
    staff.fill("#password", "centre-password-2")
    staff.fill("#confirm", "centre-password-2")
    staff.click("main button[type=submit]")
    assert "密码已修改" in staff.content()
    staff.goto(server.base + "/identity")
    staff.fill("#residentID", RESIDENT_ID)
    staff.click("button[value=lookup]")
    staff.fill("#name", "宣汉人")
    staff.click("button[value=link]")
    code = staff.locator("#secret").inner_text().split("：")[1][:8]
    shot(staff, "identity-code")

    citizen.fill("#code", code)
    citizen.click("main button[type=submit]")
    assert "身份已确认" in citizen.content()

    staff.goto(server.base + "/people")
    assert "511722********1237" in staff.content() and RESIDENT_ID not in staff.content()
    shot(staff, "people-list")
    staff.close()
    citizen.close()


def test_admin_workspace_and_audit(server, browser):
    page = browser.new_page(locale="zh-CN")
    page.goto(server.base + "/signin")
    page.fill("#username", "admin")
    page.fill("#password", ADMIN_PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url("**/workspace")
    assert page.locator("ul.tiles li").count() >= 6
    shot(page, "workspace-zh")
    page.goto(server.base + "/admin/audit")
    assert "登录" in page.locator("table.list").inner_text()
    shot(page, "audit-zh")
    page.close()


def test_import_people_in_the_browser(server, browser):
    import os
    sample = os.path.join(os.path.dirname(__file__), "..", "Fixtures", "people-gbk.csv")
    page = browser.new_page(locale="zh-CN")
    page.goto(server.base + "/signin")
    page.fill("#username", "admin")
    page.fill("#password", ADMIN_PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url("**/workspace")
    page.goto(server.base + "/imports")
    page.set_input_files("#file", sample)
    page.click("main button[type=submit]")
    assert "试运行结果" in page.content()
    assert page.locator("#conflicts tbody tr").count() == 7  # six bad rows, one with two problems
    assert page.locator("#preview tbody tr").count() == 10
    shot(page, "import-dry-run")
    page.click("text=确认导入")
    page.wait_for_selector("text=导入完成", timeout=30000)
    shot(page, "import-done")
    page.goto(server.base + "/people")
    assert "共 200 人" in page.content() or "共 201 人" in page.content()
    page.close()
