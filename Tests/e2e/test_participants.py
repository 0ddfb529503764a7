"""A handledare's day with participant data in a real browser: the caseload, a profile, a search with a
stated purpose, and a colleague's participant opened with a reason. Every page is checked with axe; the
data-protection officer then finds these reads in the audit trail and reads the record of processing."""
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from test_login import assert_page_ok, sign_in_on_this_device as sign_in

# Demo identity numbers (see DemoData / DemoParticipants): Elif is Hugo's participant, index 4.
ELIF_PERSONNUMMER = "18280901-7482"


def search(driver, server, term, purpose):
    driver.get(server + "/participants/search")
    assert_page_ok(driver)
    driver.find_element(By.ID, "q").send_keys(term)
    Select(driver.find_element(By.ID, "purpose")).select_by_value(purpose)
    driver.find_element(By.CSS_SELECTOR, "form.account-form button[type=submit]").click()
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "section[aria-live] h2"))


def test_handledare_works_with_participants(server, driver):
    sign_in(server, driver, "Hanna Handledarsson")
    driver.find_element(By.CSS_SELECTOR, "nav.main-nav a[href='/participants']").click()
    assert_page_ok(driver)
    names = [e.text for e in driver.find_elements(By.CSS_SELECTOR, "tr[data-participant] th a")]
    assert "Amira Exempelsdotter" in names and not any("Elif" in n for n in names)

    driver.find_element(By.LINK_TEXT, "Amira Exempelsdotter").click()
    assert_page_ok(driver)
    assert "Arabiska" in driver.page_source

    search(driver, server, "Amira", "casework")
    assert_page_ok(driver)
    assert driver.find_elements(By.LINK_TEXT, "Amira Exempelsdotter")

    # A colleague's participant: found by exact number, opened only with a reason.
    search(driver, server, ELIF_PERSONNUMMER, "participant_contact")
    assert "Elif" not in driver.page_source
    driver.find_element(By.CSS_SELECTOR, "li[data-participant] a[href$='/access']").click()
    assert_page_ok(driver)
    driver.find_element(By.CSS_SELECTOR, "label[for=reason-participant_contact]").click()
    driver.find_element(By.ID, "explanation").send_keys("Ringde om tiden på torsdag")
    driver.find_element(By.CSS_SELECTOR, "form.account-form button[type=submit]").click()
    WebDriverWait(driver, 10, ignored_exceptions=(StaleElementReferenceException, NoSuchElementException)).until(
        lambda d: "Elif Fiktivsson" in d.find_element(By.TAG_NAME, "h1").text)
    assert_page_ok(driver)
    assert driver.find_elements(By.CSS_SELECTOR, ".alert-warning time")


def test_data_protection_officer_reviews_reads_and_the_record(server, driver):
    sign_in(server, driver, "Doris Dataskydd")
    driver.get(server + "/privacy/activities")
    assert_page_ok(driver)
    rows = driver.find_elements(By.CSS_SELECTOR, "tr[data-activity]")
    assert len(rows) == 11
    assert rows[0].get_attribute("data-activity") == "rom2.registration"

    driver.get(server + "/privacy/audit")
    assert_page_ok(driver)
    actions = [e.text for e in driver.find_elements(By.CSS_SELECTOR, "tbody tr td:nth-child(3)")]
    assert "view" in actions and "search" in actions
