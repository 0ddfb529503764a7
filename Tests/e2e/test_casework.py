"""A handledare documents a participant's meetings in a real browser: the caseload warns about AF's
meeting cadence, a meeting is booked on the profile, the absence is registered with AF's reason code,
and the start page and profile show what follows. Every page is checked with axe."""
from datetime import datetime, timedelta

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from test_login import assert_page_ok, sign_in_on_this_device as sign_in


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
