"""Registering a participant by hand, protected personal details opened only by named staff with a
reason, a CV built with the form and printed, and AF's sensitive details behind their own door; every
page checked with axe."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from test_login import assert_page_ok, sign_in_on_this_device as sign_in

NORA = {
    "reg-fornamn": "Nora",
    "reg-efternamn": "Nyregistrerad",
    "reg-telefon": "070-1740698",
    "reg-epost": "nora@deltagare.example",
    "reg-adress": "Provgatan 9, 100 00 Exempelstad",
    "reg-genomforandereferens": "ROM-E2E-0001",
    "reg-niva": "B",
}


def luhn_number(birth: str, serial: str) -> str:
    """A personnummer with a correct check digit (YYMMDD + three digits + check)."""
    digits = birth[2:] + serial
    total = 0
    for index, char in enumerate(digits):
        value = int(char) * (2 if index % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return f"{birth}-{serial}{(10 - total % 10) % 10}"


def fill(form, fields):
    for element_id, value in fields.items():
        element = form.find_element(By.ID, element_id)
        element.clear()
        element.send_keys(value)


def set_date(driver, form, element_id, value):
    driver.execute_script("arguments[0].value = arguments[1]", form.find_element(By.ID, element_id), value)


def switch_user(server, driver, name):
    driver.delete_all_cookies()
    sign_in(server, driver, name)


def test_administrator_registers_a_protected_participant_and_names_who_may_open_them(server, driver):
    sign_in(server, driver, "Adam Administratör")
    driver.get(server + "/participants")
    driver.find_element(By.CSS_SELECTOR, "[data-e2e=register-link]").click()
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "[data-e2e=registration-form]"))
    assert_page_ok(driver)

    # First with a wrong check digit, a level AF does not use and an end before the start.
    form = driver.find_element(By.CSS_SELECTOR, "[data-e2e=registration-form]")
    good = luhn_number("19850612", "123")
    bad = good[:-1] + str((int(good[-1]) + 1) % 10)
    fill(form, {**NORA, "reg-personnummer": bad, "reg-niva": "D"})
    set_date(driver, form, "reg-startdatum", "2026-11-23")
    set_date(driver, form, "reg-slutdatum", "2026-10-01")
    Select(form.find_element(By.ID, "reg-handledare")).select_by_visible_text("Hanna Handledarsson")
    form.find_element(By.ID, "reg-protected").click()
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "[data-e2e=registration-problems]"))
    assert_page_ok(driver, refused_form=True)
    problems = driver.find_elements(By.CSS_SELECTOR, "[data-e2e=registration-problems] li")
    assert len(problems) >= 3, [p.text for p in problems]
    form = driver.find_element(By.CSS_SELECTOR, "[data-e2e=registration-form]")
    assert form.find_element(By.ID, "reg-efternamn").get_attribute("value") == "Nyregistrerad", "nothing typed is lost"
    assert form.find_element(By.ID, "reg-protected").is_selected()

    fill(form, {"reg-personnummer": good, "reg-niva": "B"})
    set_date(driver, form, "reg-slutdatum", "2027-05-22")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "[data-e2e=registered]"))
    assert_page_ok(driver)
    profile = driver.current_url.split("?")[0]
    assert "Nora Nyregistrerad" in driver.page_source and "ROM-E2E-0001" in driver.page_source
    assert "070-1740698" not in driver.page_source and "Provgatan" not in driver.page_source

    # Name Hanna as the one who may open the contact details.
    naming = driver.find_element(By.CSS_SELECTOR, "[data-e2e=name-staff]")
    Select(naming.find_element(By.ID, "protection-staff")).select_by_visible_text("Hanna Handledarsson")
    naming.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "[data-e2e=named-staff]"))
    assert_page_ok(driver)
    assert "Hanna Handledarsson" in driver.find_element(By.CSS_SELECTOR, "[data-e2e=named-staff]").text

    switch_user(server, driver, "Hanna Handledarsson")
    driver.get(profile)
    opening = driver.find_element(By.CSS_SELECTOR, "[data-e2e=open-contact]")
    assert "070-1740698" not in driver.page_source
    opening.find_element(By.ID, "contact-reason").send_keys("Ska ringa om första mötet")
    opening.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "[data-e2e=contact-opened]"))
    assert_page_ok(driver)
    assert "070-1740698" in driver.page_source and "Provgatan 9" in driver.page_source
    driver.get(profile)
    assert "070-1740698" not in driver.page_source, "the next view hides them again"

    switch_user(server, driver, "Adam Administratör")
    driver.get(profile)
    openings = driver.find_element(By.CSS_SELECTOR, "[data-e2e=openings]").text
    assert "Hanna Handledarsson" in openings and "Ska ringa om första mötet" in openings


def test_handledare_builds_and_prints_a_cv_and_keeps_af_details_apart(server, driver):
    sign_in(server, driver, "Hanna Handledarsson")
    driver.get(server + "/participants")
    driver.find_element(By.LINK_TEXT, "Bertil Provsson").click()
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "[data-e2e=cv]"))
    cv = driver.find_element(By.CSS_SELECTOR, "[data-e2e=cv]")
    cv.find_element(By.TAG_NAME, "summary").click()
    form = cv.find_element(By.CSS_SELECTOR, "[data-e2e=cv-form]")
    form.find_element(By.ID, "cv-headline").send_keys("Kock med hygiencertifikat")
    form.find_element(By.ID, "cv-experience").send_keys("2020–2024 Kock, Exempelkrogen\n2018 Diskare, Exempelhotellet")
    form.find_element(By.ID, "cv-languages").send_keys("Svenska, engelska")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "[data-e2e=cv-print]"))
    assert_page_ok(driver)
    profile = driver.current_url.split("?")[0]

    driver.find_element(By.CSS_SELECTOR, "[data-e2e=cv-print]").click()
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "[data-e2e=cv-printable]"))
    assert_page_ok(driver)
    printed = driver.find_element(By.CSS_SELECTOR, "[data-e2e=cv-printable]").text
    assert "Bertil Provsson" in printed and "Kock med hygiencertifikat" in printed and "2018 Diskare, Exempelhotellet" in printed
    assert "Exempelgatan" not in printed, "the address is never on a CV"
    # The print stylesheet hides the site's header and the way back.
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    assert not driver.find_element(By.CSS_SELECTOR, ".site-header").is_displayed()
    assert driver.find_element(By.CSS_SELECTOR, "[data-e2e=cv-printable] h1").is_displayed()
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})

    driver.get(profile)
    driver.find_element(By.CSS_SELECTOR, "[data-e2e=af-details-link]").click()
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "[data-e2e=af-details-form]"))
    assert_page_ok(driver)
    form = driver.find_element(By.CSS_SELECTOR, "[data-e2e=af-details-form]")
    form.find_element(By.ID, "af-details-adaptation_needs").send_keys("Behöver skriftliga instruktioner")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    WebDriverWait(driver, 10).until(lambda d: "details=saved" in d.current_url)
    assert_page_ok(driver)
    assert "Behöver skriftliga instruktioner" in driver.find_element(By.CSS_SELECTOR, "[data-e2e=af-details]").text
    driver.get(profile)
    assert "Behöver skriftliga instruktioner" not in driver.page_source

    switch_user(server, driver, "Eva Enhetschef")
    driver.get(profile)
    assert driver.find_elements(By.CSS_SELECTOR, "[data-e2e=cv-print]"), "the unit manager may read and print the CV"
    assert not driver.find_elements(By.CSS_SELECTOR, "[data-e2e=cv-form]")
    assert not driver.find_elements(By.CSS_SELECTOR, "[data-e2e=af-details-link]")
