#!/usr/bin/env python3
# Writes Sources/App/Core/API/OpenAPI+Document.swift, the OpenAPI description of /api/v1.
# Edit this file, run it, and commit both; AppTests checks the document against the registered routes.
import json
def ref(n): return {"$ref": f"#/components/schemas/{n}"}
def resp(desc, schema=None):
    r={"description":desc}
    if schema: r["content"]={"application/json":{"schema":schema}}
    return r
E=lambda *codes: {str(c):{"$ref":f"#/components/responses/E{c}"} for c in codes}
code_param={"name":"code","in":"path","required":True,"description":"GB/T 2260 区划代码","schema":{"type":"string","pattern":"^[0-9]{6}([0-9]{3})?$"}}
id_param={"name":"id","in":"path","required":True,"schema":{"type":"string","format":"uuid"}}
csrf={"name":"X-CSRF-Token","in":"header","required":False,"description":"以会话 Cookie 调用写接口时必填（登录响应中的 csrfToken）；以 Bearer 令牌调用时不需要","schema":{"type":"string"}}
def body(n): return {"required":True,"content":{"application/json":{"schema":ref(n)}}}
paths={
 "/api/v1/openapi.json":{"get":{"operationId":"openapi","summary":"本接口说明（OpenAPI 3.0）","security":[],"responses":{"200":{"description":"OpenAPI 文档","content":{"application/json":{"schema":{"type":"object"}}}}}}},
 "/api/v1/auth/login":{"post":{"operationId":"login","summary":"登录，设置会话 Cookie","security":[],"requestBody":body("Credentials"),"responses":{"200":resp("已登录",ref("Me")),**E(400,401,403,415,422,429)}}},
 "/api/v1/auth/logout":{"post":{"operationId":"logout","summary":"退出，服务器端销毁会话","parameters":[csrf],"responses":{"204":{"description":"已退出"},**E(401,403)}}},
 "/api/v1/me":{"get":{"operationId":"me","summary":"当前用户","responses":{"200":resp("当前用户",ref("Me")),**E(401)}}},
 "/api/v1/regions":{
   "get":{"operationId":"listRegions","summary":"可见范围内的区划","parameters":[{"name":"parent","in":"query","required":False,"description":"只列出该区划的直接下级","schema":{"type":"string","pattern":"^[0-9]{6}([0-9]{3})?$"}}],"responses":{"200":resp("区划列表",{"type":"array","items":ref("Region")}),**E(401,403,404,422)}},
   "post":{"operationId":"createRegion","summary":"新增区划（系统管理员）","parameters":[csrf],"requestBody":body("RegionInput"),"responses":{"201":resp("已创建",ref("Region")),**E(400,401,403,404,409,422)}}},
 "/api/v1/regions/{code}":{"get":{"operationId":"getRegion","summary":"区划","parameters":[code_param],"responses":{"200":resp("区划",ref("Region")),**E(401,403,404)}}},
 "/api/v1/regions/{code}/units":{
   "get":{"operationId":"listUnits","summary":"区划内的单位","parameters":[code_param],"responses":{"200":resp("单位列表",{"type":"array","items":ref("Unit")}),**E(401,403,404)}},
   "post":{"operationId":"createUnit","summary":"新增单位（联席办、系统管理员）","parameters":[code_param,csrf],"requestBody":body("UnitInput"),"responses":{"201":resp("已创建",ref("Unit")),**E(400,401,403,404,409,422)}}},
 "/api/v1/units/{id}":{
   "get":{"operationId":"getUnit","summary":"单位","parameters":[id_param],"responses":{"200":resp("单位",ref("Unit")),**E(401,403,404)}},
   "patch":{"operationId":"updateUnit","summary":"修改单位（带 If-Match 时，他人已改则 412）","parameters":[id_param,csrf,{"name":"If-Match","in":"header","required":False,"description":"GET 答复中的 ETag，如 \"3\"","schema":{"type":"string"}}],"requestBody":body("UnitPatch"),"responses":{"200":resp("已修改",ref("Unit")),**E(400,401,403,404,409,412,422)}}},
 "/api/v1/regions/{code}/joint-meeting":{
   "get":{"operationId":"getJointMeeting","summary":"联席会议组成、成员单位及调整记录","parameters":[code_param],"responses":{"200":resp("联席会议",ref("JointMeeting")),**E(401,403,404)}},
   "put":{"operationId":"saveJointMeeting","summary":"调整联席会议组成（联席办，须注明批准人）","parameters":[code_param,csrf,{"name":"If-Match","in":"header","required":False,"description":"GET 答复中的 version，如 \"3\"；他人已改则 412","schema":{"type":"string"}}],"requestBody":body("JointMeetingInput"),"responses":{"200":resp("已保存",ref("JointMeeting")),**E(400,401,403,404,412,422)}}},
 "/api/v1/users":{
   "get":{"operationId":"listUsers","summary":"可见范围内的用户（系统管理员、安全管理员），按用户名每页 100 个","parameters":[{"name":"page","in":"query","required":False,"description":"页码，从 1 起","schema":{"type":"integer","minimum":1}}],
     "responses":{"200":{"description":"用户列表的一页","headers":{"X-Total-Count":{"description":"可见范围内的用户总数","schema":{"type":"integer"}},"Link":{"description":"下一页：</api/v1/users?page=2>; rel=\"next\"","schema":{"type":"string"}}},"content":{"application/json":{"schema":{"type":"array","items":ref("User")}}}},**E(400,401,403,422)}},
   "post":{"operationId":"createUser","summary":"新建用户并生成一次性密码（系统管理员）","parameters":[csrf],"requestBody":body("UserInput"),"responses":{"201":resp("已创建",ref("CreatedUser")),**E(400,401,403,404,409,422)}}},
 "/api/v1/users/{id}":{"get":{"operationId":"getUser","summary":"用户","parameters":[id_param],"responses":{"200":resp("用户",ref("User")),**E(401,403,404)}}},
}
def S(props, req=None):
    required = req if req is not None else list(props.keys())
    schema = {"type": "object", "properties": props, "additionalProperties": False}
    if required:
        schema["required"] = required
    return schema
st={"type":"string"}; uuid={"type":"string","format":"uuid"}
level={"type":"string","enum":["province","city","county","township"]}
kind={"type":"string","enum":["government","governmentOffice","department","court","procuratorate","publicSecurity","township","streetOffice","other"]}
role={"type":"string","enum":["systemAdmin","securityAdmin","auditAdmin","office","liaison","court","leader"]}
mrole={"type":"string","enum":["convener","executiveDeputy","deputy"]}
day={"type":"string","format":"date","description":"YYYY-MM-DD（亦接受 2023/7/24、2023年7月24日）"}
schemas={
 "Error":S({"error":S({"code":st,"message":st})}),
 "Credentials":S({"username":st,"password":st,"code":{"type":"string","description":"已启用动态口令（TOTP）的账户：验证器当前显示的 6 位数字"}},["username","password"]),
 "Me":S({"id":uuid,"username":st,"displayName":st,"role":role,"unitID":uuid,"unitName":st,"regionCode":st,"regionName":st,"mustChangePassword":{"type":"boolean"},"csrfToken":{"type":"string","nullable":True}},["id","username","displayName","role","unitID","unitName","regionCode","regionName","mustChangePassword"]),
 "Region":S({"code":st,"name":st,"level":level,"parentCode":{"type":"string","nullable":True}},["code","name","level"]),
 "RegionInput":S({"code":st,"name":st,"parentCode":{"type":"string","nullable":True}},["code","name"]),
 "Unit":S({"id":uuid,"name":st,"kind":kind,"regionCode":st,"version":{"type":"integer","description":"亦为 ETag；修改时以 If-Match 回传"}}),
 "UnitInput":S({"name":st,"kind":kind}),
 "UnitPatch":S({"name":st,"kind":kind},[]),
 "JointMeeting":S({"regionCode":st,"name":st,"version":{"type":"integer","description":"修改时以 If-Match 回传"},"officeUnitID":{"type":"string","format":"uuid","nullable":True},"officeUnitName":{"type":"string","nullable":True},
   "people":{"type":"array","items":S({"role":mrole,"name":st,"post":st})},
   "memberUnits":{"type":"array","items":S({"unitID":uuid,"unitName":st,"liaisonName":st,"liaisonPhone":{"type":"string","description":"脱敏显示，如 138****5678；库中以 SM4 加密、HMAC-SM3 校验保存"}})},
   "changes":{"type":"array","items":S({"summary":{"type":"array","items":st},"approvedBy":st,"approvedOn":st,"recordedBy":st,"recordedAt":{"type":"string","format":"date-time","nullable":True}},["summary","approvedBy","approvedOn","recordedBy"])}},
   ["regionCode","name","people","memberUnits","changes","version"]),
 "JointMeetingInput":S({"name":st,"officeUnitID":{"type":"string","format":"uuid","nullable":True},
   "people":{"type":"array","items":S({"role":mrole,"name":st,"post":st})},
   "memberUnits":{"type":"array","items":S({"unitID":uuid,"liaisonName":st,"liaisonPhone":st})},
   "approvedBy":st,"approvedOn":day},["name","people","memberUnits","approvedBy","approvedOn"]),
 "User":S({"id":uuid,"username":st,"displayName":st,"role":role,"unitID":uuid,"isActive":{"type":"boolean"}}),
 "UserInput":S({"username":st,"displayName":st,"role":role,"unitID":uuid}),
 "CreatedUser":S({"user":ref("User"),"oneTimePassword":st}),
}
msgs={400:"请求格式错误",401:"未登录或令牌无效",403:"无权执行，或来源校验（CSRF）失败",404:"不存在或不在可见范围内",409:"与已有数据冲突",412:"对象已被他人修改（If-Match 与当前版本不符），请重新读取后再改",413:"文件过大",415:"须以 application/json 提交",429:"同一网络地址登录失败次数过多，Retry-After 秒后再试",422:"内容校验未通过，message 指明字段",507:"服务器存储空间已满，本次操作未保存；清理空间后重发同一请求"}

# The ledger (双清单 工作台账).
item_param={"name":"id","in":"path","required":True,"description":"事项 id","schema":{"type":"string","format":"uuid"}}
area={"type":"string","enum":["lawBasedGovernment","businessEnvironment","bankruptcy","enforcement","majorRisk","disputeResolution","trialOversight","other"]}
item_state={"type":"string","enum":["draft","issued","inProgress","awaitingReview","ongoing","closed","notApplicable","suspended"]}
unit_state={"type":"string","enum":["assigned","inProgress","closureRequested","closed","notApplicableRequested","notApplicable","ongoing","suspended"]}
kind_enum={"type":"string","enum":["date","longTerm","continuous","periodic","asNeeded"]}
timeliness={"type":"string","enum":["none","onTime","dueSoon","overdue"],"description":"overdue 红、dueSoon 黄、onTime 绿：按今天推算，不存储"}
list_kind={"type":"string","enum":["problem","responsibility"]}
nullable=lambda t: {**t, "nullable": True}
filters=[{"name":n,"in":"query","required":False,"schema":sch} for n,sch in [
  ("list",{"type":"string","format":"uuid"}),("area",area),("unit",{"type":"string","format":"uuid"}),("state",item_state),
  ("kind",kind_enum),("timeliness",timeliness),("q",{"type":"string"}),("page",{"type":"integer","minimum":1})]]
paths.update({
 "/api/v1/regions/{code}/lists":{
   "get":{"operationId":"listLists","summary":"区划的清单（问题清单、责任清单）","parameters":[code_param],"responses":{"200":resp("清单",{"type":"array","items":ref("WorkList")}),**E(401,403,404)}},
   "post":{"operationId":"createList","summary":"新建清单（本区划联席办）","parameters":[code_param,csrf],"requestBody":body("WorkListInput"),"responses":{"201":resp("已创建",ref("WorkList")),**E(400,401,403,404,422)}}},
 "/api/v1/regions/{code}/items":{"get":{"operationId":"listItems","summary":"工作台账：筛选、关键词、分页（每页 25 项）","parameters":[code_param,*filters],"responses":{"200":resp("事项",ref("ItemPage")),**E(401,403,404,422)}}},
 "/api/v1/items":{"post":{"operationId":"createItem","summary":"新建事项（本区划联席办；issueNow 为真时同时交办）","parameters":[csrf],"requestBody":body("ItemInput"),"responses":{"201":resp("已创建",ref("Item")),**E(400,401,403,404,409,422)}}},
 "/api/v1/items/{id}":{
   "get":{"operationId":"getItem","summary":"事项，含办理单位与进展报告","parameters":[item_param],"responses":{"200":resp("事项",ref("Item")),**E(401,403,404)}},
   "patch":{"operationId":"editItem","summary":"修改事项（本级联席办；已交办事项的完成时限不改；带 If-Match 时，他人已改则 412）","parameters":[item_param,csrf,{"name":"If-Match","in":"header","required":False,"description":"GET 答复中的 ETag，如 \"3\"","schema":{"type":"string"}}],"requestBody":body("ItemPatch"),"responses":{"200":resp("已修改",ref("Item")),**E(400,401,403,404,412,422)}}},
 "/api/v1/items/{id}/issue":{"post":{"operationId":"issueItem","summary":"交办","parameters":[item_param,csrf],"responses":{"200":resp("已交办",ref("Item")),**E(401,403,404,409,422)}}},
 "/api/v1/items/{id}/steps":{"post":{"operationId":"stepItem","summary":"办理流转：签收、申请销号、审核销号、退回、申请/确认无相关事项、中止、恢复","parameters":[item_param,csrf],"requestBody":body("Step"),"responses":{"200":resp("流转后",ref("Item")),**E(400,401,403,404,409,422)}}},
 "/api/v1/items/{id}/reports":{"post":{"operationId":"reportItem","summary":"报送进展（办理单位）","parameters":[item_param,csrf],"requestBody":body("ReportInput"),"responses":{"201":resp("已报送",ref("Item")),**E(400,401,403,404,422)}}},
 "/api/v1/items/{id}/hand-down":{"post":{"operationId":"handDownItem","summary":"下达至下级区划","parameters":[item_param,csrf],"requestBody":body("HandDown"),"responses":{"200":resp("下达数",S({"created":{"type":"integer"}})),**E(400,401,403,404,422)}}},
 "/api/v1/items/{id}/roll-up":{"get":{"operationId":"rollUpItem","summary":"下级办理情况汇总","parameters":[item_param],"responses":{"200":resp("汇总",ref("RollUp")),**E(401,403,404)}}},
})
schemas.update({
 "WorkList":S({"id":uuid,"kind":list_kind,"title":st,"source":st}),
 "WorkListInput":S({"kind":list_kind,"title":st,"source":st},["kind","title"]),
 "Part":S({"id":uuid,"unitID":uuid,"unitName":st,"role":{"type":"string","enum":["lead","responsible","cooperating"]},"state":unit_state,
   "nextDueOn":nullable({"type":"string","format":"date"}),"nextDueReason":st,"extendedTo":nullable({"type":"string","format":"date"}),"timeliness":timeliness},
   ["id","unitID","unitName","role","state","nextDueReason","timeliness"]),
 "Report":S({"unitName":st,"reportedOn":st,"period":nullable(st),"text":st,"figures":st,"author":st},["unitName","reportedOn","text","figures","author"]),
 "Item":S({"id":uuid,"listID":uuid,"number":{"type":"integer"},"title":st,"content":st,"area":area,"deadline":st,"deadlineKind":kind_enum,"state":item_state,
   "issuedOn":nullable(st),"latestReport":st,"timeliness":timeliness,"parentItemID":nullable(uuid),"parts":{"type":"array","items":ref("Part")},
   "reports":{"type":"array","items":ref("Report"),"nullable":True},"version":{"type":"integer","description":"亦为 ETag；修改时以 If-Match 回传"}},
   ["id","listID","number","title","content","area","deadline","deadlineKind","state","latestReport","timeliness","parts","version"]),
 "ItemPatch":S({"title":st,"content":st,"area":area,"deadline":{"type":"string","description":"仅草稿可改，如 2021年10月31日、2023年12月、长期坚持"}},[]),
 "ItemPage":S({"total":{"type":"integer"},"items":{"type":"array","items":ref("Item")}}),
 "ItemInput":S({"listID":uuid,"title":st,"content":st,"area":area,"deadline":{"type":"string","description":"如 2021年10月31日、2023年12月、长期坚持、持续推进、每季度、适时"},
   "leadUnitIDs":{"type":"array","items":uuid},"responsibleUnitIDs":{"type":"array","items":uuid},"cooperatingUnitIDs":{"type":"array","items":uuid},"issueNow":{"type":"boolean"}}),
 "Step":S({"partID":uuid,"action":{"type":"string","enum":["signFor","requestClosure","approveClosure","sendBack","requestNotApplicable","confirmNotApplicable","suspend","resume"]},"reason":st},["partID","action"]),
 "ReportInput":S({"partID":uuid,"text":st,"figures":st,"period":{"type":"string","description":"定期报送事项的期次，如 2024-Q1"}},["partID","text"]),
 "HandDown":S({"regions":{"type":"array","items":{"type":"string"}}}),
 "RollUp":S({"tally":{"type":"object","additionalProperties":{"type":"integer"}},
   "regions":{"type":"array","items":S({"code":st,"name":st,"itemID":uuid,"state":item_state,"latestReport":st})}}),
})

# Supervision (督办).
sup_kind={"type":"string","enum":["urge","reminder","bulletin"]}
tone={"type":"string","enum":["none","commend","criticise"]}
paths.update({
 "/api/v1/regions/{code}/supervision":{
   "get":{"operationId":"listSupervision","summary":"区划的督办（催办、提醒函、通报）及各单位回复","parameters":[code_param],"responses":{"200":resp("督办",{"type":"array","items":ref("Supervision")}),**E(401,403,404)}},
   "post":{"operationId":"issueSupervision","summary":"发出督办（本区划联席办；提醒函按年编号）","parameters":[code_param,csrf],"requestBody":body("SupervisionInput"),"responses":{"201":resp("已发出",ref("Supervision")),**E(400,401,403,404,422)}}},
 "/api/v1/supervision-targets/{id}/respond":{"post":{"operationId":"respondSupervision","summary":"回复督办（被督办单位）","parameters":[{**item_param,"description":"督办对象 id"},csrf],"requestBody":body("SupervisionResponse"),"responses":{"204":{"description":"已回复"},**E(400,401,403,404,409,422)}}},
})
schemas.update({
 "Supervision":S({"id":uuid,"kind":sup_kind,"tone":tone,"reference":st,"itemID":nullable(uuid),"text":st,"respondBy":st,"issuedBy":st,
   "targets":{"type":"array","items":S({"id":uuid,"unitID":uuid,"unitName":st,"response":nullable(st),"respondedBy":nullable(st),"respondedAt":nullable({"type":"string","format":"date-time"})},["id","unitID","unitName"])}},
   ["id","kind","tone","reference","text","respondBy","issuedBy","targets"]),
 "SupervisionInput":S({"kind":sup_kind,"tone":tone,"unitIDs":{"type":"array","items":uuid},"itemID":nullable(uuid),"text":st,"respondBy":{"type":"string","format":"date"}},["kind","unitIDs","text","respondBy"]),
 "SupervisionResponse":S({"text":st}),
})

# Litigation: the two endpoints other systems call.
rate={"type":"number","minimum":0,"maximum":1,"nullable":True,"description":"0–1；零个案件时为 null"}
figure_props={k:{"type":"integer"} for k in ["received","carriedOver","new","caseload","concluded","pending","losses","heard","appeared"]}
figure_props.update({k:rate for k in ["lossRate","appearanceRate","principalAppearanceRate","spokeRate","mediatedWithdrawalRate"]})
paths.update({
 "/api/v1/litigation/cases/import":{"post":{"operationId":"importCases","summary":"导入行政诉讼案件（法院工作人员或其令牌）：按案号幂等，全部写入或全部不写",
   "parameters":[csrf],
   "requestBody":{"required":True,"content":{"text/csv":{"schema":{"type":"string"}},"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet":{"schema":{"type":"string","format":"binary"}}}},
   "responses":{"200":resp("导入结果",ref("CaseImportCounts")),"422":resp("有问题的行，未写入任何数据",ref("CaseImportRefusal")),**E(400,401,403,413)}}},
 "/api/v1/litigation/cases":{"get":{"operationId":"listCases","summary":"区划（含下级）的行政诉讼案件，按立案日期倒序，每页 50 件",
   "parameters":[
     {"name":"region","in":"query","required":True,"schema":{"type":"string","pattern":"^[0-9]{6}([0-9]{3})?$"}},
     {"name":"unit","in":"query","required":False,"description":"被告单位","schema":{"type":"string","format":"uuid"}},
     {"name":"state","in":"query","required":False,"schema":{"type":"string","enum":["pending","concluded","lost"]}},
     {"name":"number","in":"query","required":False,"description":"案号中包含的文字","schema":{"type":"string"}},
     {"name":"page","in":"query","required":False,"description":"页码；深翻页请用 after","schema":{"type":"integer","minimum":1}},
     {"name":"after","in":"query","required":False,"description":"上一页返回的 next：从其后一件开始（键集分页，不能与 page 同用）","schema":{"type":"string","pattern":"^[A-Za-z0-9_-]+$"}}],
   "responses":{"200":resp("案件列表",ref("CasePage")),**E(400,401,403,404,422)}}},
 "/api/v1/litigation/cases/{id}":{"get":{"operationId":"getCase","summary":"案件及其各次开庭、负责人出庭情况","parameters":[id_param],
   "responses":{"200":resp("案件",ref("AdminCase")),**E(400,401,403,404)}}},
 "/api/v1/litigation/figures":{"get":{"operationId":"litigationFigures","summary":"区划（含下级）在期间内的诉讼数据、上年同期与双下降",
   "parameters":[
     {"name":"region","in":"query","required":True,"schema":{"type":"string","pattern":"^[0-9]{6}([0-9]{3})?$"}},
     {"name":"from","in":"query","required":True,"schema":{"type":"string","format":"date"}},
     {"name":"to","in":"query","required":True,"schema":{"type":"string","format":"date"}},
     {"name":"unit","in":"query","required":False,"schema":{"type":"string","format":"uuid"}},
     {"name":"breakdown","in":"query","required":False,"schema":{"type":"string","enum":["unit","actionType","cause","month"]}}],
   "responses":{"200":resp("诉讼数据",ref("LitigationAnswer")),**E(400,401,403,404,422)}}},
})
schemas.update({
 "CaseImportCounts":S({"created":{"type":"integer"},"updated":{"type":"integer"},"unchanged":{"type":"integer"}}),
 "CaseImportRefusal":S({"error":S({"code":st,"message":st}),"rows":{"type":"array","items":S({"row":{"type":"integer"},"column":st,"reason":st})}}),
 "LitigationFigures":S(figure_props),
 "CasePage":S({"total":{"type":"integer"},"page":{"type":"integer"},"pageSize":{"type":"integer"},"next":st,"cases":{"type":"array","items":S({
   "id":uuid,"caseNumber":st,"defendant":st,"region":st,"actionType":st,"filedOn":st,"concludedOn":{"type":"string","nullable":True},
   "outcome":{"type":"string","nullable":True},"heard":{"type":"integer"},"appeared":{"type":"integer"}},["id","caseNumber","defendant","region","actionType","filedOn","heard","appeared"])}},
   ["total","page","pageSize","cases"]),
 "AdminCase":S({"id":uuid,"caseNumber":st,"court":st,"procedure":st,"defendant":st,"region":st,"actionType":st,"plaintiffKind":st,"filedOn":st,
   "concludedOn":{"type":"string","nullable":True},"outcome":{"type":"string","nullable":True},"lossCause":{"type":"string","nullable":True},
   "hearings":{"type":"array","items":S({"heldOn":st,"headAppeared":{"type":"boolean"},"headRank":st,"principal":{"type":"boolean"},"spoke":{"type":"boolean"}})}},
   ["id","caseNumber","court","procedure","defendant","region","actionType","plaintiffKind","filedOn","hearings"]),
 "LitigationAnswer":S({"region":st,"from":st,"to":st,"figures":ref("LitigationFigures"),"previous":ref("LitigationFigures"),"doubleDecline":{"type":"boolean"},
   "breakdown":{"type":"array","items":S({"key":st,"label":st,"figures":ref("LitigationFigures")})}},["region","from","to","figures","previous","doubleDecline"]),
})
# Every signed-in POST takes an Idempotency-Key; a retry with it gets the first answer (409 while unknown), a
# malformed key 400. Every body is JSON: none or another media type is 415.
idem={"name":"Idempotency-Key","in":"header","required":False,"description":"重试同一请求时带上同一个值：只执行一次，重试得到第一次的答复","schema":{"type":"string","minLength":1,"maxLength":200}}
for path, ops in paths.items():
    op=ops.get("post")
    if op is None or op.get("security")==[]: continue
    op["parameters"]=op.get("parameters",[])+[idem]
    op["responses"].setdefault("400",{"$ref":"#/components/responses/E400"})
    op["responses"].setdefault("409",{"$ref":"#/components/responses/E409"})
for path, ops in paths.items():
    for op in ops.values():
        if "application/json" in op.get("requestBody",{}).get("content",{}):
            op["responses"].setdefault("400",{"$ref":"#/components/responses/E400"})
            op["responses"].setdefault("415",{"$ref":"#/components/responses/E415"})
# A signed-in write is refused with 507 while storage is full.
for path, ops in paths.items():
    for method, op in ops.items():
        if method!="get" and op.get("security")!=[]: op["responses"].setdefault("507",{"$ref":"#/components/responses/E507"})
doc={"openapi":"3.0.3","info":{"title":"府院通 API","version":"1.0.0","description":"常态化府院联动工作平台的接口。以会话 Cookie（POST /api/v1/auth/login）或系统管理员签发的令牌（Authorization: Bearer …）认证；所有数据按调用者的区划与角色过滤。错误统一为 {\"error\": {\"code\", \"message\"}}。"},
 "servers":[{"url":"/"}],
 "security":[{"bearerAuth":[]},{"cookieAuth":[]}],
 "paths":paths,
 "components":{"securitySchemes":{"bearerAuth":{"type":"http","scheme":"bearer"},"cookieAuth":{"type":"apiKey","in":"cookie","name":"fuyuan_session"}},
  "schemas":schemas,
  "responses":{f"E{c}":{"description":m,"content":{"application/json":{"schema":ref("Error")}}} for c,m in msgs.items()}}}
text=json.dumps(doc,ensure_ascii=False,indent=2)
open(__import__('os').path.join(__import__('os').path.dirname(__file__), '..', 'Sources/App/Core/API/OpenAPI+Document.swift'),'w').write('''import Vapor

/// The OpenAPI 3.0 description of `/api/v1`, served at `/api/v1/openapi.json`. A test checks that it names
/// exactly the routes the app registers.
enum OpenAPIDocument {
    static func serve(_ request: Request) async throws -> Response {
        let response = Response(status: .ok, body: .init(string: json))
        response.headers.contentType = .json
        return response
    }

    static let json = #"""
''' + text + '''
"""#
}
''')
