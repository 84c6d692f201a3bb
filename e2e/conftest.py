"""Browser tests: headless Chromium (Debian's package) driven by Playwright against a running demo server.

FUYUAN_URL names the server; scripts/test starts one on a fresh SQLite database with the demo data.
"""
import os
import pathlib

import pytest
from playwright.sync_api import sync_playwright

BASE = os.environ.get("FUYUAN_URL", "http://127.0.0.1:8080")
PASSWORD = "Fuyuan@2026"
ARTIFACTS = pathlib.Path(__file__).parent / ".artifacts"


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        yield browser
        browser.close()


@pytest.fixture
def page(browser, request):
    context = browser.new_context(base_url=BASE, locale="zh-CN", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    outside = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(BASE) else None)
    yield page
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()
    assert outside == [], f"the page loaded something from outside: {outside}"


def sign_in(page, username, password=PASSWORD):
    page.goto("/login")
    page.fill("#f-username", username)
    page.fill("#f-password", password)
    page.click("#login-form button[type=submit]")


def sign_out(page):
    page.click("header form.inline button")
