"""Signing in with BankID in a real browser, through Lots's BankID test server."""
import subprocess
import tempfile

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from test_accessibility import check_page


def assert_page_ok(driver, refused_form=False):
    """`refused_form`: the page is a form shown again with its errors (HTTP 422), which Chromium logs."""
    problems = check_page(driver)
    if refused_form:
        problems = [p for p in problems if not (p.startswith("console error:") and "status of 422" in p)]
    assert not problems, f"{driver.current_url}:\n" + "\n".join(problems)


def decode_qr(driver) -> str:
    """Reads the QR code on screen with a real decoder, as a phone camera would."""
    png = driver.find_element(By.CSS_SELECTOR, "#bankid-qr svg").screenshot_as_png
    with tempfile.NamedTemporaryFile(suffix=".png") as image:
        image.write(png)
        image.flush()
        try:
            result = subprocess.run(["zbarimg", "--raw", "-q", image.name], capture_output=True, text=True, timeout=30)
        except FileNotFoundError:
            raise AssertionError("zbarimg is missing: apt-get install zbar-tools")
    assert result.returncode == 0, f"zbarimg could not read the QR code: {result.stderr}"
    return result.stdout.strip()


def start_sign_in(server, driver):
    driver.get(server + "/login")
    assert_page_ok(driver)
    driver.find_element(By.CSS_SELECTOR, "[data-e2e=bankid-start]").click()
    WebDriverWait(driver, 15).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#bankid-qr svg"))


def choose_and_approve(driver, name):
    driver.find_element(By.XPATH, f"//label[contains(., '{name}')]").click()
    driver.find_element(By.CSS_SELECTOR, "[data-e2e=bankid-approve]").click()
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".alert-success"))


def test_sign_in_by_scanning_the_qr_code(server, driver):
    start_sign_in(server, driver)
    login_tab = driver.current_window_handle
    content = decode_qr(driver)
    assert content.startswith("bankid.") and content.count(".") == 3

    # The "phone": the test server's stand-in for the BankID app, in another tab.
    driver.switch_to.new_window("tab")
    driver.get(server + "/bankid-test/app")
    driver.find_element(By.ID, "qr").send_keys(content)
    driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "[data-e2e=bankid-approve]"))
    assert_page_ok(driver)
    choose_and_approve(driver, "Hanna Handledarsson")
    driver.close()
    driver.switch_to.window(login_tab)

    # The waiting page's script notices the completed order and moves on.
    WebDriverWait(driver, 20).until(lambda d: d.current_url.endswith("/start"))
    assert "Hanna Handledarsson" in driver.find_element(By.TAG_NAME, "h1").text
    assert driver.find_elements(By.CSS_SELECTOR, "[data-role=handledare]")
    assert_page_ok(driver)


def test_sign_in_on_the_same_device_and_sign_out(server, driver):
    start_sign_in(server, driver)
    assert_page_ok(driver)
    waiting = driver.current_url
    driver.find_element(By.CSS_SELECTOR, "[data-e2e=bankid-autostart]").click()
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "[data-e2e=bankid-approve]"))
    choose_and_approve(driver, "Doris Dataskydd")

    driver.get(waiting)
    WebDriverWait(driver, 20).until(lambda d: d.current_url.endswith("/start"))
    assert driver.find_elements(By.CSS_SELECTOR, "[data-role=data_protection_officer]")

    # The data-protection officer reviews the audit trail, where her own sign-in is the newest event.
    driver.find_element(By.CSS_SELECTOR, ".main-nav a[href='/privacy/audit']").click()
    WebDriverWait(driver, 10).until(lambda d: d.current_url.endswith("/privacy/audit"))
    assert_page_ok(driver)
    assert "Doris Dataskydd" in driver.find_element(By.CSS_SELECTOR, "table tbody").text

    # Signing out answers with a redirect away from the page it was sent from; only then is the session gone.
    driver.find_element(By.CSS_SELECTOR, ".viewer button[type=submit]").click()
    WebDriverWait(driver, 10).until(lambda d: not d.current_url.endswith("/privacy/audit"))
    driver.get(server + "/start")
    assert driver.current_url.endswith("/login"), "after signing out, the start page asks to sign in again"


def sign_in_on_this_device(server, driver, name):
    start_sign_in(server, driver)
    waiting = driver.current_url
    driver.find_element(By.CSS_SELECTOR, "[data-e2e=bankid-autostart]").click()
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "[data-e2e=bankid-approve]"))
    choose_and_approve(driver, name)
    driver.get(waiting)
    WebDriverWait(driver, 20).until(lambda d: d.current_url.endswith("/start"))


def test_person_with_two_organisations_chooses_one(server, driver):
    start_sign_in(server, driver)
    waiting = driver.current_url
    driver.find_element(By.CSS_SELECTOR, "[data-e2e=bankid-autostart]").click()
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "[data-e2e=bankid-approve]"))
    choose_and_approve(driver, "Karin Konsult")
    driver.get(waiting)
    WebDriverWait(driver, 20).until(lambda d: d.current_url.endswith("/organisation"))
    assert_page_ok(driver)
    driver.find_element(By.XPATH, "//label[contains(., 'Kumppanuusalusta')]").click()
    driver.find_element(By.CSS_SELECTOR, "[data-e2e=choose-organisation]").click()
    WebDriverWait(driver, 10).until(lambda d: d.current_url.endswith("/start"))
    assert "Kumppanuusalusta (demo)" in driver.page_source
    assert_page_ok(driver)


def test_system_administrator_creates_an_account(server, driver):
    sign_in_on_this_device(server, driver, "Saga Systemsson")
    # The navigation offers account administration to system administrators (in any UI language).
    driver.find_element(By.CSS_SELECTOR, ".main-nav a[href='/admin/accounts']").click()
    WebDriverWait(driver, 10).until(lambda d: d.current_url.endswith("/admin/accounts"))
    assert_page_ok(driver)

    # A typo in the personnummer is explained and nothing is created.
    driver.find_element(By.ID, "name").send_keys("Nora Ny")
    driver.find_element(By.ID, "personalNumber").send_keys("18300101-1231")
    driver.find_element(By.CSS_SELECTOR, ".account-form button[type=submit]").click()
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.ID, "errors"))
    assert_page_ok(driver, refused_form=True)
    assert "Nora Ny" not in driver.find_element(By.CSS_SELECTOR, "table").text

    field = driver.find_element(By.ID, "personalNumber")
    field.clear()
    field.send_keys("18300101-1232")  # valid check digit; born 1830, so never a real person
    driver.find_element(By.CSS_SELECTOR, ".account-form button[type=submit]").click()
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".alert-success"))
    assert "Nora Ny" in driver.find_element(By.CSS_SELECTOR, "table").text
    assert_page_ok(driver)
