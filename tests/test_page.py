"""The drafting-room page in a real browser: Debian's Chromium, headless, driven by Selenium
through Debian's chromedriver (nothing downloaded), against ``gongwen serve`` on a free
loopback port.  Each step leaves a screenshot in the test's folder (GONGWEN_SCREENSHOTS names
another, for the docs)."""
from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest
from clerk import clerk_document
from docx import Document
from test_serve import running_server

DRAFTS = Path(__file__).parent / "drafts"
CHROMIUM, DRIVER = shutil.which("chromium"), shutil.which("chromedriver")


@pytest.fixture(scope="module")
def server():
    with running_server(1) as (base, _process):
        yield base


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    if not (CHROMIUM and DRIVER):
        pytest.fail("chromium and chromium-driver are not installed: run the README's setup")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    downloads = tmp_path_factory.mktemp("downloads")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1500,1000",
                     "--disable-dev-shm-usage"):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"intl.accept_languages": "zh-CN,zh", "download.default_directory":
                                              str(downloads), "download.prompt_for_download": False})
    os.environ["SE_OFFLINE"] = "true"          # Selenium Manager never fetches a driver
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    driver.downloads = downloads
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def shots(tmp_path_factory):
    folder = Path(os.environ.get("GONGWEN_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def wait(condition, seconds: float = 60):
    """What ``condition`` returns once it is true; the page may redraw what it looks at meanwhile."""
    from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            found = condition()
        except (StaleElementReferenceException, NoSuchElementException):
            found = None
        if found:
            return found
        time.sleep(0.2)
    raise AssertionError("the page did not get there in time")


def status(driver) -> str:
    return driver.find_element("id", "status").text


def set_value(driver, element, text: str) -> None:
    """Text as the page receives it from typing (chromedriver types only the Basic Plane: 𠮷 is not)."""
    driver.execute_script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'))",
                          element, text)


def test_a_drafter_writes_a_notice_fixes_a_finding_and_downloads_it(server, browser, shots):
    from selenium.webdriver.support.select import Select

    browser.get(server)
    wait(lambda: browser.find_elements("css selector", "#pages img") and "页" in status(browser))
    assert browser.find_element("id", "download-docx").text == "下载 .docx"      # Chinese for a Chinese browser
    browser.save_screenshot(str(shots / "01-starter.png"))
    Select(browser.find_element("id", "kind")).select_by_visible_text("通知")
    title = browser.find_element("css selector", "#form input[name=title]")
    title.clear()
    title.send_keys("三门峡市民政局关于开展社区服务月活动的通知")
    body = browser.find_element("css selector", "#form textarea[name=body]")
    set_value(browser, body, "为丰富社区服务，决定开展社区服务月活动。\n# 活动内容\n请各社区组织𠮷祥文化进社区活动。")
    finding = wait(lambda: [li for li in browser.find_elements("css selector", "#findings li")
                            if "字体" in li.text])[0]
    browser.save_screenshot(str(shots / "02-finding.png"))
    finding.click()
    mark = wait(lambda: browser.find_elements("css selector", ".page .mark"))[0]
    assert "page-wide" not in mark.get_attribute("class")        # the line with the character, not the page
    browser.save_screenshot(str(shots / "03-where.png"))
    set_value(browser, body, "为丰富社区服务，决定开展社区服务月活动。\n# 活动内容\n请各社区组织吉祥文化进社区活动。")
    wait(lambda: browser.find_element("id", "clean").is_displayed()
         and not browser.find_elements("css selector", "#findings li"))
    browser.save_screenshot(str(shots / "04-fixed.png"))
    browser.find_element("id", "download-docx").click()
    saved = wait(lambda: [p for p in browser.downloads.glob("*.docx")])[0]
    time.sleep(0.5)
    text = "".join(p.text for p in Document(str(saved)).paragraphs)
    assert "关于开展社区服务月活动的通知" in text.replace("\n", "") and "吉祥文化进社区" in text


def test_a_clerk_uploads_a_faulty_docx_and_sees_its_findings(server, browser, shots, tmp_path):
    faulty = tmp_path / "faulty.docx"
    clerk_document(faulty, number="三民[2026]3号", date="2026年02月05日")
    browser.get(server)
    wait(lambda: browser.find_elements("css selector", "#pages img"))
    browser.execute_script("document.querySelectorAll('details').forEach(d => d.open = true)")
    browser.find_element("id", "check-file").send_keys(str(faulty))
    found = wait(lambda: [li.text for li in browser.find_elements("css selector", "#findings li")
                          if "六角括号" in li.text or "日期" in li.text])
    assert len(found) == 2
    assert "faulty.docx" in status(browser)
    browser.save_screenshot(str(shots / "05-check.png"))


def test_pasted_text_becomes_the_plan_and_its_pages(server, browser, shots):
    browser.get(server)
    wait(lambda: browser.find_elements("css selector", "#pages img"))
    browser.execute_script("document.querySelectorAll('details').forEach(d => d.open = true)")
    set_value(browser, browser.find_element("id", "pasted"), (DRAFTS / "notice.txt").read_text(encoding="utf-8"))
    browser.find_element("id", "paste-import").click()
    wait(lambda: browser.find_element("css selector", "#form input[name=title]").get_attribute("value")
         == "三门峡市民政局关于开展2026年度社会组织等级评估工作的通知")
    wait(lambda: "4 页" in status(browser) or "共 4 页" in status(browser), 90)
    assert browser.find_element("id", "clean").is_displayed()
    browser.save_screenshot(str(shots / "06-pasted.png"))
