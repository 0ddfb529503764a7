"""An administrator imports AF's assignment file in the browser: upload, a preview of every row
(new, extension, duplicate and a dozen kinds of errors), commit, and the new participants are there."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import REPO_ROOT
from test_login import assert_page_ok, sign_in_on_this_device as sign_in

EXAMPLE = REPO_ROOT / "docs" / "examples" / "af-assignments-with-problems.csv"


def test_administrator_imports_assignments(server, driver):
    sign_in(server, driver, "Adam Administratör")
    driver.find_element(By.CSS_SELECTOR, ".main-nav a[href='/participants/import']").click()
    WebDriverWait(driver, 10).until(lambda d: d.current_url.endswith("/participants/import"))
    assert_page_ok(driver)

    Select(driver.find_element(By.ID, "unit")).select_by_visible_text("Rusta och matcha, Exempelstad syd")
    driver.find_element(By.ID, "file").send_keys(str(EXAMPLE))
    driver.find_element(By.CSS_SELECTOR, "[data-e2e=import-preview]").click()
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "[data-e2e=import-commit]"))
    assert_page_ok(driver)
    outcomes = [row.get_attribute("data-outcome") for row in driver.find_elements(By.CSS_SELECTOR, "tbody tr")]
    assert outcomes.count("new") == 5 and outcomes.count("extension") == 1 and outcomes.count("duplicate") == 1
    assert outcomes.count("error") == 13
    for row in driver.find_elements(By.CSS_SELECTOR, "tbody tr[data-outcome=error]"):
        assert row.find_elements(By.TAG_NAME, "td")[-1].text.strip(), "every error says why"

    driver.find_element(By.CSS_SELECTOR, "[data-e2e=import-commit]").click()
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".alert-success"))
    assert_page_ok(driver)
    assert "5 new participants" in driver.find_element(By.CSS_SELECTOR, ".alert-success").text

    driver.get(server + "/participants")
    assert "Amal Exempelsson" in driver.page_source and "Chen Demolin" in driver.page_source

    # The same file again: nothing left to import.
    driver.get(server + "/participants/import")
    driver.find_element(By.ID, "file").send_keys(str(EXAMPLE))
    driver.find_element(By.CSS_SELECTOR, "[data-e2e=import-preview]").click()
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "tbody tr"))
    outcomes = [row.get_attribute("data-outcome") for row in driver.find_elements(By.CSS_SELECTOR, "tbody tr")]
    assert set(outcomes) == {"duplicate", "error"}
    assert not driver.find_elements(By.CSS_SELECTOR, "[data-e2e=import-commit]")
