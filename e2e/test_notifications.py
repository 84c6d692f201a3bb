"""Notifications that leave the product: the system administrator sets the mail server (a real SMTP server on
loopback, aiosmtpd) and the SMS gateway and sends a test mail; a court clerk switches the digest off, a liaison
takes it by SMS too; an office adds a signed DingTalk robot
(a webhook receiver here that checks the signature) and runs the digest; the mail and the robot's post are read back
from the servers and compared with the notices; a refused mail is shown in the delivery log and sent again."""
import base64
import datetime
import hashlib
import hmac
import http.server
import json
import pathlib
import sys
import threading
import time
import urllib.parse

import pytest
from conftest import BASE, sign_in, sign_out

sys.path.insert(0, str(pathlib.Path(__file__).parent.parent / "scripts"))
import mailsink  # noqa: E402

SECRET = "SECe2e0123456789"


class Robot(http.server.BaseHTTPRequestHandler):
    """A DingTalk robot that checks the signature, and at /sms an SMS gateway."""
    posts = []
    texts = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"])).decode()
        if self.path.startswith("/sms"):
            Robot.texts.append(json.loads(body))
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b'{"code":0,"msg":"submitted"}')
            return
        query = urllib.parse.parse_qs(urllib.parse.urlparse(self.path).query)
        timestamp = query.get("timestamp", [""])[0]
        expected = base64.b64encode(
            hmac.new(SECRET.encode(), f"{timestamp}\n{SECRET}".encode(), hashlib.sha256).digest()).decode()
        signed = query.get("sign", [""])[0] == expected and abs(time.time() * 1000 - int(timestamp or 0)) < 3600_000
        Robot.posts.append((signed, json.loads(body)))
        self.send_response(200 if signed else 403)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(json.dumps({"errcode": 0 if signed else 310000, "errmsg": "ok" if signed else "sign not match"}).encode())

    def log_message(self, *args):
        pass


@pytest.fixture
def servers():
    sink, controller = mailsink.start()
    robot = http.server.ThreadingHTTPServer(("127.0.0.1", mailsink.free_port()), Robot)
    threading.Thread(target=robot.serve_forever, daemon=True).start()
    yield sink, controller.port, robot.server_address[1]
    robot.shutdown()
    controller.stop()


def today_chinese():
    day = datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=8))).date()
    return f"{day.year}年{day.month}月{day.day}日"


def wait(condition, seconds=30):
    deadline = time.time() + seconds
    while not condition():
        assert time.time() < deadline, "timed out"
        time.sleep(0.3)


def test_the_digest_reaches_people_by_mail_and_groups_by_robot(page, servers):
    sink, smtp_port, robot_port = servers
    # 方城县's court takes the digest by mail no more.
    sign_in(page, "fangcheng.court")
    page.goto("/account/notices")
    assert page.input_value("#f-email") == "fangcheng.court@fuyuan.test"
    page.uncheck("input[value='digest:mail']")
    page.click("#notice-settings button[type=submit]")
    assert page.inner_text(".notice") == "通知设置已保存"
    sign_out(page)

    # 方城县's office adds its group's DingTalk robot, tests it, and runs today's digest; 汝州市's address refuses.
    sign_in(page, "fangcheng.office")
    page.goto("/notices/robots")
    page.fill("#f-name", "方城县联席办工作群")
    page.select_option("#f-recipient", "office")
    page.select_option("#f-preset", "dingtalk")
    page.fill("#f-url", f"http://127.0.0.1:{robot_port}/robot/send?access_token=fangcheng")
    page.fill("#f-secret", SECRET)
    page.click("#robot-form button[type=submit]")
    assert page.inner_text("#robots tbody").split("\t")[:4] == ["方城县联席办工作群", "联席办", "钉钉 / 政务钉钉", "是"]
    page.click("#robots tbody button:has-text('发送测试消息')")
    assert page.inner_text(".notice") == "群机器人已接收：HTTP 200 errcode 0 ok"
    assert Robot.posts[-1] == (True, {"msgtype": "markdown", "markdown": {
        "title": "府院通测试消息",
        "text": f"### 府院通测试消息\n\n- 这是一条测试消息：收到即说明通知渠道可用。\n\n[打开府院通]({BASE}/)"}})
    sink.refused.add("ruzhou.office@fuyuan.test")
    sign_out(page)

    # The system administrator sets the mail server and the SMS gateway and sends a test mail; what waited for
    # them (the digest of the morning, if it ran) goes now.
    sign_in(page, "sysadmin")
    page.goto("/admin/channels")
    page.fill("#f-host", "127.0.0.1")
    page.fill("#f-port", str(smtp_port))
    page.select_option("#f-security", "none")
    page.fill("#f-sender", "fuyuan@fuyuan.test")
    page.click("#mail-form button[type=submit]")
    assert page.inner_text("#mail-server") == f"当前：smtp://127.0.0.1:{smtp_port}，发件人 fuyuan@fuyuan.test"
    page.fill("#mail-test input[name=address]", "it@fuyuan.test")
    page.click("#mail-test button")
    assert page.inner_text(".notice").startswith("邮件服务器已接收：250 2.0.0 Ok: queued")
    test = sink.wait_for("it@fuyuan.test")[0]
    assert test["Subject"] == "府院通测试邮件"
    assert test["From"] == "府院通 <fuyuan@fuyuan.test>"
    page.fill("#f-url", f"http://127.0.0.1:{robot_port}/sms/send")
    page.fill("#f-maxLength", "70")
    page.click("#sms-form button[type=submit]")
    assert page.inner_text("#sms-gateway") == f"当前：http://127.0.0.1:{robot_port}/sms/send，每条 70 字"
    sign_out(page)

    # 方城县司法局's liaison gives a mobile number and takes the digest by SMS as well.
    sign_in(page, "fangcheng.sfj")
    page.goto("/account/notices")
    page.fill("#f-phone", "13912345678")
    page.check("input[value='digest:sms']")
    page.click("#notice-settings button[type=submit]")
    assert page.inner_text(".notice") == "通知设置已保存"
    sign_out(page)

    sign_in(page, "fangcheng.office")
    page.goto("/notices")
    page.click("#run-digest button")
    office_lines = page.locator(".notice-card").filter(has_text=today_chinese() + " · 联席办").locator("li").all_inner_texts()
    unit_lines = page.locator(".notice-card").filter(has_text=today_chinese() + " 每日提醒").locator("li").all_inner_texts()
    sign_out(page)
    sign_in(page, "fangcheng.sfj")
    page.goto("/notices")
    unit_lines_of_sfj = page.locator(".notice-card").filter(has_text=today_chinese() + " 每日提醒").locator("li").all_inner_texts()
    sign_out(page)

    title = f"府院通每日提醒（{today_chinese()}）"
    mail = sink.wait_for("fangcheng.office@fuyuan.test")[0]
    lines = unit_lines + office_lines
    assert mail["Subject"] == title
    assert mail["To"] == "fangcheng.office@fuyuan.test"
    assert mail.get_body(("plain",)).get_content() == (
        f"方城县联席办（演示），您好：\n\n{title}，共 {len(lines)} 条：\n\n" + "\n".join(lines)
        + f"\n\n请登录府院通查看和处理：{BASE}/notices\n\n——府院通（本邮件由系统自动发送，请勿直接回复）\n")
    html = mail.get_body(("html",)).get_content()
    assert f'<a href="{BASE}/notices">' in html and f"<li>{lines[0]}</li>" in html
    wait(lambda: any(post["markdown"]["title"] == title for _, post in Robot.posts))
    signed, post = [p for p in Robot.posts if p[1]["markdown"]["title"] == title][0]
    assert signed
    assert post["markdown"]["text"] == f"### {title}\n\n" + "\n".join("- " + line for line in office_lines) + f"\n\n[打开府院通]({BASE}/notices)"
    sink.wait_for("fangcheng.sfj@fuyuan.test")
    # The court clerk still gets what else is on (items handed to the court by the other tests), not the digest.
    assert [m for m in sink.to("fangcheng.court@fuyuan.test") if m["Subject"] == title] == []
    wait(lambda: Robot.texts)
    sms = "【府院通】" + title + "：" + "；".join(unit_lines_of_sfj)
    assert Robot.texts == [{"mobile": "13912345678", "content": sms if len(sms) <= 70 else sms[:69] + "…"}]

    # The refused mail is in the delivery log with the server's answer; sent again, it arrives.
    sign_in(page, "sysadmin")
    page.goto("/admin/deliveries?state=failed")
    row = page.locator("#deliveries tbody tr", has_text="ruzhou.office")
    assert "550 5.1.1 <ruzhou.office@fuyuan.test>: mailbox unavailable" in row.inner_text()
    sink.refused.clear()
    row.locator("button", has_text="重发").click()
    sink.wait_for("ruzhou.office@fuyuan.test")
    page.goto("/admin/deliveries?state=sent")
    wait(lambda: page.reload() or page.locator("#deliveries tbody tr", has_text="ruzhou.office").count() == 1)
    sign_out(page)
