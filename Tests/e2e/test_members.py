"""A partnership member registers, confirms the address from the mail (read in the dev mailbox), signs
in with the password and sees their own data and the current privacy notice; another joins by signing in
with an OpenID provider (Lots's own test provider). Every page is checked."""
import re
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from test_login import assert_page_ok

PLATFORM = "/partnership/kumppanuus-demo"


def fill(driver, values):
    for name, value in values.items():
        field = driver.find_element(By.ID, name)
        field.clear()
        field.send_keys(value)
    driver.find_element(By.CSS_SELECTOR, "form.account-form button[type=submit]").click()


def test_member_registers_confirms_and_signs_in(server, driver):
    username = f"e2e{int(time.time())}"
    driver.get(server + PLATFORM + "/register")
    assert_page_ok(driver)
    fill(driver, {"username": username, "givenName": "Testi", "familyName": "Jäsen", "email": f"{username}@example.org",
                  "memberOrganisation": "Kokeiluyhdistys", "password": "password1234"})
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".alert-error"))
    assert_page_ok(driver, refused_form=True)

    fill(driver, {"password": "kolme pientä karhua metsässä"})
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".alert-success"))
    assert_page_ok(driver)

    # The verification mail, as the member would open it: in demo mode, in the dev mailbox.
    link = None
    for _ in range(40):
        driver.get(server + "/dev/mailbox")
        messages = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "a[href^='/dev/mailbox/'], a[href*='/dev/mailbox/']")]
        for href in messages:
            driver.get(href)
            body = driver.find_element(By.CSS_SELECTOR, "pre.mail-body").text
            match = re.search(r"https?://\S+" + PLATFORM + r"/verify/\S+", body)
            if match and f"{username}@example.org" in driver.page_source:
                link = match.group(0)
                break
        if link:
            break
        time.sleep(0.5)
    assert link, "no verification mail arrived in the dev mailbox"

    driver.get(server + link[link.index(PLATFORM):])
    assert_page_ok(driver)
    driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".alert-success"))

    driver.get(server + PLATFORM + "/login")
    assert_page_ok(driver)
    fill(driver, {"username": username, "password": "kolme pientä karhua metsässä"})
    WebDriverWait(driver, 10).until(lambda d: d.current_url.endswith("/member"))
    assert_page_ok(driver)
    assert "Testi Jäsen" in driver.page_source and "Kokeiluyhdistys" in driver.page_source
    assert driver.find_elements(By.CSS_SELECTOR, "main table")  # the privacy notice's table of processing

    # The two-step verification set-up page (QR code and key) is accessible too.
    driver.find_element(By.CSS_SELECTOR, "main a[href='/member/two-step']").click()
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".qr svg"))
    assert_page_ok(driver)


def test_member_signs_in_with_an_openid_provider(server, driver):
    """Sign-in with an existing account elsewhere: Lots's OpenID client against Lots's own test provider."""
    driver.get(server + PLATFORM + "/login")
    assert_page_ok(driver)
    driver.find_element(By.CSS_SELECTOR, "[data-e2e=oidc-lots-test]").click()
    WebDriverWait(driver, 10).until(lambda d: "/oidc-test/authorize" in d.current_url)
    assert_page_ok(driver)
    driver.find_element(By.XPATH, "//label[contains(., 'Erik Exempel')]").click()
    driver.find_element(By.CSS_SELECTOR, "[data-e2e=oidc-approve]").click()

    # A newcomer: the provider's name and address are filled in; they choose a username.
    WebDriverWait(driver, 10).until(lambda d: d.current_url.endswith("/partnership/oidc/register"))
    assert_page_ok(driver)
    assert driver.find_element(By.ID, "email").get_attribute("value") == "erik.exempel@example.se"
    fill(driver, {"username": f"erik{int(time.time())}", "memberOrganisation": "Exempelföreningen"})
    WebDriverWait(driver, 10).until(lambda d: d.current_url.endswith("/member"))
    assert_page_ok(driver)
    assert "Erik Exempel" in driver.page_source and "Lots test ID" in driver.page_source

    # Another visit: the provider's answer alone signs the member in.
    driver.delete_all_cookies()
    driver.get(server + PLATFORM + "/login")
    driver.find_element(By.CSS_SELECTOR, "[data-e2e=oidc-lots-test]").click()
    WebDriverWait(driver, 10).until(lambda d: "/oidc-test/authorize" in d.current_url)
    driver.find_element(By.XPATH, "//label[contains(., 'Erik Exempel')]").click()
    driver.find_element(By.CSS_SELECTOR, "[data-e2e=oidc-approve]").click()
    WebDriverWait(driver, 10).until(lambda d: d.current_url.endswith("/member"))
    assert "Exempelföreningen" in driver.page_source
