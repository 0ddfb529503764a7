"""Accessibility and page-sanity checks over every page a visitor can reach by links.

Each page must pass axe-core's WCAG 2.1 A/AA rules, log no console errors, declare its
language, have a heading and a working skip link, and must not be an error page.
Failures are collected for the whole crawl and reported together at the end, so one run
shows everything that is wrong rather than the first problem only.

Markup the crawler understands on an <a>:
  rel="nofollow" or data-e2e-skip     not followed (expensive or side-effect links)
  data-e2e-expect-status="404"        followed, and the error page it leads to is expected
  data-lang="xx"                      the language switch: not crawled, tested on its own
Links to /api/, fragment-only links and logout-like links are never followed.
"""

from __future__ import annotations

import re
from collections import deque
from urllib.parse import urldefrag, urlsplit

import pytest
from selenium.common.exceptions import (
    ElementNotInteractableException,
    ElementClickInterceptedException,
    StaleElementReferenceException,
    TimeoutException,
    WebDriverException,
)
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from conftest import console_errors, format_violations, http_get, run_axe, save_artifacts

MAX_PAGES = 200
LANGUAGES = ("sv", "en", "fi")

# Following these would end the session (or worse) halfway through the crawl.
LOGOUT_LIKE = re.compile(r"log-?out|log-?off|sign-?out|logga-?ut|kirjaudu-?ulos", re.I)

# Everything the crawler needs from a page's links, in one round trip.
_LINKS_JS = """
return Array.from(document.querySelectorAll('a[href]')).map(a => ({
    href: a.href,
    raw: a.getAttribute('href'),
    rel: (a.getAttribute('rel') || '').toLowerCase(),
    skip: a.hasAttribute('data-e2e-skip'),
    lang: a.hasAttribute('data-lang'),
    expect: a.getAttribute('data-e2e-expect-status'),
    text: (a.textContent || '').trim().slice(0, 80),
}));
"""

_PAGE_FACTS_JS = """
const skip = document.querySelector('a.skip-link');
const h1s = Array.from(document.querySelectorAll('h1'));
return {
    lang: document.documentElement.getAttribute('lang'),
    errorStatus: document.body ? document.body.getAttribute('data-error-status') : null,
    h1Texts: h1s.map(h => (h.textContent || '').trim()),
    skipHref: skip ? skip.getAttribute('href') : null,
    mainExists: document.getElementById('main') !== null,
};
"""


def same_origin(url: str, base: str) -> bool:
    a, b = urlsplit(url), urlsplit(base)
    return (a.scheme, a.netloc) == (b.scheme, b.netloc)


def crawlable(link: dict, base: str) -> bool:
    raw = (link["raw"] or "").strip()
    if raw.startswith("#") or not same_origin(link["href"], base):
        return False
    path = urlsplit(link["href"]).path
    if path == "/api" or path.startswith("/api/"):
        return False
    if "nofollow" in link["rel"].split() or link["skip"]:
        return False
    # The language switch changes the browser's state for the rest of the crawl; it has
    # its own test below.
    if link["lang"]:
        return False
    if LOGOUT_LIKE.search(path) or LOGOUT_LIKE.search(link["text"]):
        return False
    return True


def check_page(driver, expect_status: str | None = None) -> list[str]:
    """All problems on the page now loaded in `driver` (empty when it is fine)."""
    problems = []
    facts = driver.execute_script(_PAGE_FACTS_JS)

    error_status = facts["errorStatus"]
    if error_status is not None and error_status != expect_status:
        problems.append(f"landed on an error page (body data-error-status={error_status!r})")
    elif expect_status is not None and error_status != expect_status:
        problems.append(f"expected an error page with data-error-status={expect_status!r}, "
                        f"got {error_status!r}")

    if not (facts["lang"] or "").strip():
        problems.append("<html> has no lang attribute")
    if not any(facts["h1Texts"]):
        problems.append("no <h1> with text" if facts["h1Texts"] == [] else "<h1> is empty")
    if facts["skipHref"] is None:
        problems.append("no skip link (a.skip-link)")
    elif facts["skipHref"] != "#main":
        problems.append(f"skip link points to {facts['skipHref']!r}, not '#main'")
    elif not facts["mainExists"]:
        problems.append("skip link target #main does not exist")

    try:
        violations = run_axe(driver)
    except WebDriverException as e:
        violations = []
        problems.append(f"axe could not run: {e.msg}")
    if violations:
        problems.append("axe violations:\n" + _indent(format_violations(violations), 4))

    # Read after axe ran, so errors from scripts that run after load are caught too.
    ignore = ()
    if expect_status is not None:
        # The browser reports the failed load of the page itself; that is the point here.
        ignore = (f"{urldefrag(driver.current_url)[0]} - Failed to load resource",)
    for message in console_errors(driver, ignore=ignore):
        problems.append(f"console error: {message}")

    # A skip link is only useful as the first thing the keyboard reaches.
    if facts["skipHref"] is not None:
        ActionChains(driver).send_keys(Keys.TAB).perform()
        first = driver.execute_script(
            "const e = document.activeElement;"
            "return e && e.classList.contains('skip-link') ? null : (e ? e.outerHTML.slice(0, 120) : 'nothing');"
        )
        if first is not None:
            problems.append(f"first Tab does not focus the skip link, it focuses: {first}")
    return problems


def _indent(text: str, n: int) -> str:
    return "\n".join(" " * n + line for line in text.splitlines())


def _report(failures: dict[str, tuple[str, list[str]]], total: int) -> str:
    lines = [f"{len(failures)} of {total} pages checked have problems:"]
    for url, (context, problems) in failures.items():
        lines.append("")
        lines.append(f"{url}   ({context})")
        for p in problems:
            lines.append(_indent("- " + p, 2))
    return "\n".join(lines)


def test_crawl_all_pages(server, driver):
    start = server + "/"
    queue = deque([(start, "start page", None)])  # (url, how it was found, expected error status)
    seen = {start}
    failures: dict[str, tuple[str, list[str]]] = {}
    expected_errors = []
    crawled = 0

    while queue and crawled < MAX_PAGES:
        url, found, expect = queue.popleft()
        crawled += 1

        # Ask over plain HTTP first: Selenium cannot see status codes, and a non-HTML
        # response (a CSV export, say) would become a download instead of a page.
        head = http_get(url, driver)
        if "html" not in head.content_type:
            if head.status >= 400 and str(head.status) != expect:
                failures[url] = (found, [f"HTTP {head.status} ({head.content_type or 'no type'})"])
            continue

        driver.get(url)
        landed = urldefrag(driver.current_url)[0]
        seen.add(landed)
        if not same_origin(landed, server):
            failures[url] = (found, [f"redirected off-site to {landed}"])
            continue

        problems = check_page(driver, expect_status=expect)
        if head.status >= 400 and str(head.status) != expect:
            problems.insert(0, f"HTTP {head.status}")
        if expect is not None and not problems:
            expected_errors.append(url)
        if problems:
            failures[url] = (found, problems)
            parts = urlsplit(url)
            save_artifacts(driver, f"crawl{parts.path}?{parts.query}")

        # check_page pressed Tab; links are read from the DOM, so that does not matter.
        for link in driver.execute_script(_LINKS_JS):
            if not crawlable(link, server):
                continue
            target = urldefrag(link["href"])[0]
            if target not in seen:
                seen.add(target)
                queue.append((target, f"linked from {url}", link["expect"]))

    print(f"crawled {crawled} pages; {len(queue)} left unvisited at the {MAX_PAGES}-page limit; "
          f"{len(expected_errors)} intentional error pages: {expected_errors}")
    if failures:
        pytest.fail(_report(failures, crawled), pytrace=False)
    # A crawl that found nothing to follow is more likely a broken start page than a tiny app.
    assert crawled > 1, f"the start page {start} links to no other crawlable page"


def _html_lang(driver) -> str:
    return (driver.find_element(By.TAG_NAME, "html").get_attribute("lang") or "").strip()


def _primary(lang: str) -> str:
    return lang.split("-")[0].lower()


def _choose_language(driver, code: str) -> None:
    # A link or a submit button in a form: clicking is what a visitor does with either.
    element = driver.find_element(By.CSS_SELECTOR, f'[data-lang="{code}"]')
    try:
        element.click()
    except (ElementNotInteractableException, ElementClickInterceptedException):
        # Hidden in a closed menu, for instance: the click still exercises the real control.
        driver.execute_script("arguments[0].click()", element)
    WebDriverWait(driver, 15, ignored_exceptions=(StaleElementReferenceException,)).until(
        lambda d: _primary(_html_lang(d)) == code
    )


def test_language_switch(server, driver):
    driver.get(server + "/")
    missing = [c for c in LANGUAGES if not driver.find_elements(By.CSS_SELECTOR, f'[data-lang="{c}"]')]
    assert not missing, f"no language switch element [data-lang=...] for: {', '.join(missing)}"

    # Start with the languages the page is not in, so every choice must change the page.
    current = _primary(_html_lang(driver))
    order = [c for c in ("en", "fi", "sv") if c != current] + ([current] if current in LANGUAGES else [])

    failures = {}
    for code in order:
        try:
            _choose_language(driver, code)
            switched = True
        except TimeoutException:
            switched = False
        if not switched:  # failing outside `except` keeps the bare Selenium timeout out of the report
            save_artifacts(driver, f"language_{code}")
            pytest.fail(f"after choosing {code!r} the page still has <html lang={_html_lang(driver)!r}> "
                        f"at {driver.current_url}", pytrace=False)
        problems = check_page(driver)
        if problems:
            failures[driver.current_url] = (f"after choosing {code!r}", problems)
            save_artifacts(driver, f"language_{code}")
    if failures:
        pytest.fail(_report(failures, len(order)), pytrace=False)


def test_not_found_page(server, driver):
    url = server + "/this-does-not-exist"
    head = http_get(url)
    assert head.status == 404, f"GET {url} answered HTTP {head.status}, expected 404"
    assert "text/html" in head.content_type, f"404 page is {head.content_type!r}, expected HTML"

    driver.get(url)
    problems = check_page(driver, expect_status="404")
    if problems:
        pytest.fail(_report({url: ("opened directly", problems)}, 1), pytrace=False)
