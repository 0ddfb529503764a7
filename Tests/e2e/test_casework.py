"""A handledare's case work in a real browser: the caseload warns about AF's meeting cadence, a meeting
is booked and an absence registered with AF's reason code, a workshop runs with a participant list, a CV
is uploaded and a mail-out reaches the mailbox. Every page is checked with axe."""
import time
from datetime import datetime, timedelta

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import REPO_ROOT
from test_login import assert_page_ok, sign_in_on_this_device as sign_in

FIXTURES = REPO_ROOT / "Tests" / "Fixtures" / "documents"


def test_handledare_books_a_meeting_and_registers_an_absence(server, driver):
    sign_in(server, driver, "Hanna Handledarsson")
    driver.get(server + "/participants")
    assert_page_ok(driver)
    row = driver.find_element(By.XPATH, "//tr[th/a[normalize-space()='Bertil Provsson']]")
    assert row.find_elements(By.CSS_SELECTOR, "[data-e2e=cadence]") == [], "Bertil started 12 days ago: nothing is due"
    amira = driver.find_element(By.XPATH, "//tr[th/a[normalize-space()='Amira Exempelsdotter']]")
    assert amira.find_elements(By.CSS_SELECTOR, "[data-e2e=cadence] li"), "Amira has not met her handledare in 40 days"

    driver.find_element(By.LINK_TEXT, "Amira Exempelsdotter").click()
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "[data-e2e=booking-form]"))
    assert_page_ok(driver)
    form = driver.find_element(By.CSS_SELECTOR, "[data-e2e=booking-form]")
    Select(form.find_element(By.ID, "mode")).select_by_value("physical")
    # A meeting that started half an hour ago, so its attendance can be registered now.
    started = (datetime.now() - timedelta(minutes=30)).strftime("%Y-%m-%dT%H:%M")
    driver.execute_script("arguments[0].value = arguments[1]", form.find_element(By.ID, "startsAt"), started)
    form.find_element(By.ID, "title").send_keys("Genomgång av planen")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "[data-e2e=attendance-form]"))
    assert_page_ok(driver)
    assert "Genomgång av planen" in driver.page_source

    attendance = driver.find_element(By.CSS_SELECTOR, "[data-e2e=attendance-form]")
    Select(attendance.find_element(By.CSS_SELECTOR, "select[name=status]")).select_by_value("absent")
    Select(attendance.find_element(By.CSS_SELECTOR, "select[name=reason]")).select_by_value("17")
    attendance.find_element(By.CSS_SELECTOR, "input[name=note]").send_keys("Svarade inte i telefon")
    attendance.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "[data-e2e=deviation]"))
    assert_page_ok(driver)
    assert "Svarade inte i telefon" in driver.page_source
    assert not driver.find_elements(By.CSS_SELECTOR, "[data-e2e=attendance-form]")


def set_datetime(driver, element, when):
    driver.execute_script("arguments[0].value = arguments[1]", element, when.strftime("%Y-%m-%dT%H:%M"))


def test_handledare_runs_a_workshop_with_a_participant_list(server, driver):
    sign_in(server, driver, "Hanna Handledarsson")
    driver.find_element(By.CSS_SELECTOR, ".main-nav a[href='/activities']").click()
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "[data-e2e=activity-form]"))
    assert_page_ok(driver)
    form = driver.find_element(By.CSS_SELECTOR, "[data-e2e=activity-form]")
    form.find_element(By.ID, "title").send_keys("CV-verkstad")
    set_datetime(driver, form.find_element(By.ID, "startsAt"), datetime.now() - timedelta(hours=2))
    form.find_element(By.ID, "location").send_keys("Sal 2")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "[data-e2e=enrol-form]"))
    assert_page_ok(driver)

    enrol = driver.find_element(By.CSS_SELECTOR, "[data-e2e=enrol-form]")
    for name in ("Amira Exempelsdotter", "Bertil Provsson"):
        enrol.find_element(By.XPATH, f".//label[normalize-space()='{name}']").click()
    enrol.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "[data-e2e=list-attendance]"))
    assert_page_ok(driver)

    # The printable list: first names and case numbers only.
    activity = driver.current_url
    driver.find_element(By.CSS_SELECTOR, "[data-e2e=printable]").click()
    WebDriverWait(driver, 10).until(lambda d: d.current_url.endswith("/list"))
    assert_page_ok(driver)
    listed = driver.find_element(By.CSS_SELECTOR, "table.print-list").text
    assert "Amira" in listed and "Bertil" in listed and "Exempelsdotter" not in listed

    driver.get(activity)
    rows = driver.find_elements(By.CSS_SELECTOR, "[data-e2e=list-attendance] tbody tr")
    for row in rows:
        if "Bertil" in row.text:
            Select(row.find_elements(By.TAG_NAME, "select")[0]).select_by_value("absent")
            Select(row.find_elements(By.TAG_NAME, "select")[1]).select_by_value("15")
    driver.find_element(By.CSS_SELECTOR, "[data-e2e=list-attendance] button[type=submit]").click()
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "[data-e2e=list-deleted]"))
    assert_page_ok(driver)


def test_handledare_uploads_a_cv_and_sends_a_mail_out(server, driver):
    sign_in(server, driver, "Hanna Handledarsson")
    driver.get(server + "/participants")
    driver.find_element(By.LINK_TEXT, "Amira Exempelsdotter").click()
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "[data-e2e=document-upload]"))
    upload = driver.find_element(By.CSS_SELECTOR, "[data-e2e=document-upload]")
    upload.find_element(By.ID, "document-file").send_keys(str(FIXTURES / "cv.pdf"))
    upload.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "[data-e2e=documents] li[data-document]"))
    assert_page_ok(driver)
    assert "cv.pdf" in driver.find_element(By.CSS_SELECTOR, "[data-e2e=documents]").text

    driver.find_element(By.CSS_SELECTOR, ".main-nav a[href='/mail-outs']").click()
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "[data-e2e=mailout-form]"))
    assert_page_ok(driver)
    form = driver.find_element(By.CSS_SELECTOR, "[data-e2e=mailout-form]")
    subject = f"Rekryteringsträff {datetime.now():%H%M%S}"
    form.find_element(By.ID, "subject").send_keys(subject)
    form.find_element(By.ID, "body").send_keys("Välkommen till rekryteringsträffen på fredag kl. 10.")
    form.find_element(By.XPATH, ".//label[normalize-space()='Amira Exempelsdotter']").click()
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "[data-e2e=mailout-sent]"))
    assert_page_ok(driver)

    # In demo mode mail is kept in the dev mailbox instead of being sent.
    for _ in range(40):
        driver.get(server + "/dev/mailbox")
        if subject in driver.page_source:
            break
        time.sleep(0.5)
    assert subject in driver.page_source, "the mail-out did not reach the mailbox"


def test_a_journal_draft_is_saved_while_typing(server, driver):
    sign_in(server, driver, "Hanna Handledarsson")
    driver.get(server + "/participants")
    driver.find_element(By.LINK_TEXT, "Bertil Provsson").click()
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "[data-e2e=journal-form]"))
    assert_page_ok(driver)
    form = driver.find_element(By.CSS_SELECTOR, "[data-e2e=journal-form]")
    form.find_element(By.ID, "journal-body").send_keys("Samtal om målen för praktiken, fortsätter nästa vecka")
    # The page's script saves the draft a few seconds after typing stops.
    WebDriverWait(driver, 15).until(lambda d: d.find_element(By.ID, "journal-autosave-status").text.strip())
    driver.refresh()
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "[data-e2e=journal-form]"))
    body = driver.find_element(By.ID, "journal-body")
    assert "Samtal om målen för praktiken" in body.get_attribute("value"), "the draft survived the reload"
    driver.find_element(By.CSS_SELECTOR, "[data-e2e=journal-publish]").click()
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "[data-e2e=journal] li[data-entry]"))
    assert_page_ok(driver)
