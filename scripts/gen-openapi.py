#!/usr/bin/env python3
# Writes Sources/App/Core/OpenAPI+Document.swift, the OpenAPI description of /api/v1.
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
 "/api/v1/auth/login":{"post":{"operationId":"login","summary":"登录，设置会话 Cookie","security":[],"requestBody":body("Credentials"),"responses":{"200":resp("已登录",ref("Me")),**E(400,401,403,415)}}},
 "/api/v1/auth/logout":{"post":{"operationId":"logout","summary":"退出，服务器端销毁会话","parameters":[csrf],"responses":{"204":{"description":"已退出"},**E(401,403)}}},
 "/api/v1/me":{"get":{"operationId":"me","summary":"当前用户","responses":{"200":resp("当前用户",ref("Me")),**E(401)}}},
 "/api/v1/regions":{
   "get":{"operationId":"listRegions","summary":"可见范围内的区划","parameters":[{"name":"parent","in":"query","required":False,"description":"只列出该区划的直接下级","schema":{"type":"string","pattern":"^[0-9]{6}([0-9]{3})?$"}}],"responses":{"200":resp("区划列表",{"type":"array","items":ref("Region")}),**E(401,403,404)}},
   "post":{"operationId":"createRegion","summary":"新增区划（系统管理员）","parameters":[csrf],"requestBody":body("RegionInput"),"responses":{"201":resp("已创建",ref("Region")),**E(400,401,403,404,409,422)}}},
 "/api/v1/regions/{code}":{"get":{"operationId":"getRegion","summary":"区划","parameters":[code_param],"responses":{"200":resp("区划",ref("Region")),**E(401,403,404)}}},
 "/api/v1/regions/{code}/units":{
   "get":{"operationId":"listUnits","summary":"区划内的单位","parameters":[code_param],"responses":{"200":resp("单位列表",{"type":"array","items":ref("Unit")}),**E(401,403,404)}},
   "post":{"operationId":"createUnit","summary":"新增单位（联席办、系统管理员）","parameters":[code_param,csrf],"requestBody":body("UnitInput"),"responses":{"201":resp("已创建",ref("Unit")),**E(400,401,403,404,409,422)}}},
 "/api/v1/units/{id}":{
   "get":{"operationId":"getUnit","summary":"单位","parameters":[id_param],"responses":{"200":resp("单位",ref("Unit")),**E(401,403,404)}},
   "patch":{"operationId":"updateUnit","summary":"修改单位","parameters":[id_param,csrf],"requestBody":body("UnitPatch"),"responses":{"200":resp("已修改",ref("Unit")),**E(400,401,403,404,409,422)}}},
 "/api/v1/regions/{code}/joint-meeting":{
   "get":{"operationId":"getJointMeeting","summary":"联席会议组成、成员单位及调整记录","parameters":[code_param],"responses":{"200":resp("联席会议",ref("JointMeeting")),**E(401,403,404)}},
   "put":{"operationId":"saveJointMeeting","summary":"调整联席会议组成（联席办，须注明批准人）","parameters":[code_param,csrf],"requestBody":body("JointMeetingInput"),"responses":{"200":resp("已保存",ref("JointMeeting")),**E(400,401,403,404,422)}}},
 "/api/v1/users":{
   "get":{"operationId":"listUsers","summary":"可见范围内的用户（系统管理员、安全管理员）","responses":{"200":resp("用户列表",{"type":"array","items":ref("User")}),**E(401,403)}},
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
kind={"type":"string","enum":["governmentOffice","department","court","procuratorate","publicSecurity","township","streetOffice","other"]}
role={"type":"string","enum":["systemAdmin","securityAdmin","auditAdmin","office","liaison","court","leader"]}
mrole={"type":"string","enum":["convener","executiveDeputy","deputy"]}
day={"type":"string","format":"date","description":"YYYY-MM-DD（亦接受 2023/7/24、2023年7月24日）"}
schemas={
 "Error":S({"error":S({"code":st,"message":st})}),
 "Credentials":S({"username":st,"password":st}),
 "Me":S({"id":uuid,"username":st,"displayName":st,"role":role,"unitID":uuid,"unitName":st,"regionCode":st,"regionName":st,"mustChangePassword":{"type":"boolean"},"csrfToken":{"type":"string","nullable":True}},["id","username","displayName","role","unitID","unitName","regionCode","regionName","mustChangePassword"]),
 "Region":S({"code":st,"name":st,"level":level,"parentCode":{"type":"string","nullable":True}},["code","name","level"]),
 "RegionInput":S({"code":st,"name":st,"parentCode":{"type":"string","nullable":True}},["code","name"]),
 "Unit":S({"id":uuid,"name":st,"kind":kind,"regionCode":st}),
 "UnitInput":S({"name":st,"kind":kind}),
 "UnitPatch":S({"name":st,"kind":kind},[]),
 "JointMeeting":S({"regionCode":st,"name":st,"officeUnitID":{"type":"string","format":"uuid","nullable":True},"officeUnitName":{"type":"string","nullable":True},
   "people":{"type":"array","items":S({"role":mrole,"name":st,"post":st})},
   "memberUnits":{"type":"array","items":S({"unitID":uuid,"unitName":st,"liaisonName":st,"liaisonPhone":st})},
   "changes":{"type":"array","items":S({"summary":{"type":"array","items":st},"approvedBy":st,"approvedOn":st,"recordedBy":st,"recordedAt":{"type":"string","format":"date-time","nullable":True}},["summary","approvedBy","approvedOn","recordedBy"])}},
   ["regionCode","name","people","memberUnits","changes"]),
 "JointMeetingInput":S({"name":st,"officeUnitID":{"type":"string","format":"uuid","nullable":True},
   "people":{"type":"array","items":S({"role":mrole,"name":st,"post":st})},
   "memberUnits":{"type":"array","items":S({"unitID":uuid,"liaisonName":st,"liaisonPhone":st})},
   "approvedBy":st,"approvedOn":day},["name","people","memberUnits","approvedBy","approvedOn"]),
 "User":S({"id":uuid,"username":st,"displayName":st,"role":role,"unitID":uuid,"isActive":{"type":"boolean"}}),
 "UserInput":S({"username":st,"displayName":st,"role":role,"unitID":uuid}),
 "CreatedUser":S({"user":ref("User"),"oneTimePassword":st}),
}
msgs={400:"请求格式错误",401:"未登录或令牌无效",403:"无权执行，或来源校验（CSRF）失败",404:"不存在或不在可见范围内",409:"与已有数据冲突",415:"须以 application/json 提交",422:"内容校验未通过，message 指明字段"}
doc={"openapi":"3.0.3","info":{"title":"府院通 API","version":"1.0.0","description":"常态化府院联动工作平台的接口。以会话 Cookie（POST /api/v1/auth/login）或系统管理员签发的令牌（Authorization: Bearer …）认证；所有数据按调用者的区划与角色过滤。错误统一为 {\"error\": {\"code\", \"message\"}}。"},
 "servers":[{"url":"/"}],
 "security":[{"bearerAuth":[]},{"cookieAuth":[]}],
 "paths":paths,
 "components":{"securitySchemes":{"bearerAuth":{"type":"http","scheme":"bearer"},"cookieAuth":{"type":"apiKey","in":"cookie","name":"fuyuan_session"}},
  "schemas":schemas,
  "responses":{f"E{c}":{"description":m,"content":{"application/json":{"schema":ref("Error")}}} for c,m in msgs.items()}}}
text=json.dumps(doc,ensure_ascii=False,indent=2)
open(__import__('os').path.join(__import__('os').path.dirname(__file__), '..', 'Sources/App/Core/OpenAPI+Document.swift'),'w').write('''import Vapor

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
