import Vapor

/// The OpenAPI 3.0 description of `/api/v1`, served at `/api/v1/openapi.json`. A test checks that it names
/// exactly the routes the app registers.
enum OpenAPIDocument {
    static func serve(_ request: Request) async throws -> Response {
        let response = Response(status: .ok, body: .init(string: json))
        response.headers.contentType = .json
        return response
    }

    static let json = #"""
        {
          "openapi": "3.0.3",
          "info": {
            "title": "府院通 API",
            "version": "1.0.0",
            "description": "常态化府院联动工作平台的接口。以会话 Cookie（POST /api/v1/auth/login）或系统管理员签发的令牌（Authorization: Bearer …）认证；所有数据按调用者的区划与角色过滤。错误统一为 {\"error\": {\"code\", \"message\"}}。"
          },
          "servers": [
            {
              "url": "/"
            }
          ],
          "security": [
            {
              "bearerAuth": []
            },
            {
              "cookieAuth": []
            }
          ],
          "paths": {
            "/api/v1/openapi.json": {
              "get": {
                "operationId": "openapi",
                "summary": "本接口说明（OpenAPI 3.0）",
                "security": [],
                "responses": {
                  "200": {
                    "description": "OpenAPI 文档",
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "object"
                        }
                      }
                    }
                  }
                }
              }
            },
            "/api/v1/auth/login": {
              "post": {
                "operationId": "login",
                "summary": "登录，设置会话 Cookie",
                "security": [],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/Credentials"
                      }
                    }
                  }
                },
                "responses": {
                  "200": {
                    "description": "已登录",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Me"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/E400"
                  },
                  "401": {
                    "$ref": "#/components/responses/E401"
                  },
                  "403": {
                    "$ref": "#/components/responses/E403"
                  },
                  "415": {
                    "$ref": "#/components/responses/E415"
                  },
                  "422": {
                    "$ref": "#/components/responses/E422"
                  },
                  "429": {
                    "$ref": "#/components/responses/E429"
                  }
                }
              }
            },
            "/api/v1/auth/logout": {
              "post": {
                "operationId": "logout",
                "summary": "退出，服务器端销毁会话",
                "parameters": [
                  {
                    "name": "X-CSRF-Token",
                    "in": "header",
                    "required": false,
                    "description": "以会话 Cookie 调用写接口时必填（登录响应中的 csrfToken）；以 Bearer 令牌调用时不需要",
                    "schema": {
                      "type": "string"
                    }
                  },
                  {
                    "name": "Idempotency-Key",
                    "in": "header",
                    "required": false,
                    "description": "重试同一请求时带上同一个值：只执行一次，重试得到第一次的答复",
                    "schema": {
                      "type": "string",
                      "minLength": 1,
                      "maxLength": 200
                    }
                  }
                ],
                "responses": {
                  "204": {
                    "description": "已退出"
                  },
                  "401": {
                    "$ref": "#/components/responses/E401"
                  },
                  "403": {
                    "$ref": "#/components/responses/E403"
                  },
                  "400": {
                    "$ref": "#/components/responses/E400"
                  },
                  "409": {
                    "$ref": "#/components/responses/E409"
                  },
                  "507": {
                    "$ref": "#/components/responses/E507"
                  }
                }
              }
            },
            "/api/v1/me": {
              "get": {
                "operationId": "me",
                "summary": "当前用户",
                "responses": {
                  "200": {
                    "description": "当前用户",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Me"
                        }
                      }
                    }
                  },
                  "401": {
                    "$ref": "#/components/responses/E401"
                  }
                }
              }
            },
            "/api/v1/regions": {
              "get": {
                "operationId": "listRegions",
                "summary": "可见范围内的区划",
                "parameters": [
                  {
                    "name": "parent",
                    "in": "query",
                    "required": false,
                    "description": "只列出该区划的直接下级",
                    "schema": {
                      "type": "string",
                      "pattern": "^[0-9]{6}([0-9]{3})?$"
                    }
                  }
                ],
                "responses": {
                  "200": {
                    "description": "区划列表",
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "array",
                          "items": {
                            "$ref": "#/components/schemas/Region"
                          }
                        }
                      }
                    }
                  },
                  "401": {
                    "$ref": "#/components/responses/E401"
                  },
                  "403": {
                    "$ref": "#/components/responses/E403"
                  },
                  "404": {
                    "$ref": "#/components/responses/E404"
                  },
                  "422": {
                    "$ref": "#/components/responses/E422"
                  }
                }
              },
              "post": {
                "operationId": "createRegion",
                "summary": "新增区划（系统管理员）",
                "parameters": [
                  {
                    "name": "X-CSRF-Token",
                    "in": "header",
                    "required": false,
                    "description": "以会话 Cookie 调用写接口时必填（登录响应中的 csrfToken）；以 Bearer 令牌调用时不需要",
                    "schema": {
                      "type": "string"
                    }
                  },
                  {
                    "name": "Idempotency-Key",
                    "in": "header",
                    "required": false,
                    "description": "重试同一请求时带上同一个值：只执行一次，重试得到第一次的答复",
                    "schema": {
                      "type": "string",
                      "minLength": 1,
                      "maxLength": 200
                    }
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/RegionInput"
                      }
                    }
                  }
                },
                "responses": {
                  "201": {
                    "description": "已创建",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Region"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/E400"
                  },
                  "401": {
                    "$ref": "#/components/responses/E401"
                  },
                  "403": {
                    "$ref": "#/components/responses/E403"
                  },
                  "404": {
                    "$ref": "#/components/responses/E404"
                  },
                  "409": {
                    "$ref": "#/components/responses/E409"
                  },
                  "422": {
                    "$ref": "#/components/responses/E422"
                  },
                  "415": {
                    "$ref": "#/components/responses/E415"
                  },
                  "507": {
                    "$ref": "#/components/responses/E507"
                  }
                }
              }
            },
            "/api/v1/regions/{code}": {
              "get": {
                "operationId": "getRegion",
                "summary": "区划",
                "parameters": [
                  {
                    "name": "code",
                    "in": "path",
                    "required": true,
                    "description": "GB/T 2260 区划代码",
                    "schema": {
                      "type": "string",
                      "pattern": "^[0-9]{6}([0-9]{3})?$"
                    }
                  }
                ],
                "responses": {
                  "200": {
                    "description": "区划",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Region"
                        }
                      }
                    }
                  },
                  "401": {
                    "$ref": "#/components/responses/E401"
                  },
                  "403": {
                    "$ref": "#/components/responses/E403"
                  },
                  "404": {
                    "$ref": "#/components/responses/E404"
                  }
                }
              }
            },
            "/api/v1/regions/{code}/units": {
              "get": {
                "operationId": "listUnits",
                "summary": "区划内的单位",
                "parameters": [
                  {
                    "name": "code",
                    "in": "path",
                    "required": true,
                    "description": "GB/T 2260 区划代码",
                    "schema": {
                      "type": "string",
                      "pattern": "^[0-9]{6}([0-9]{3})?$"
                    }
                  }
                ],
                "responses": {
                  "200": {
                    "description": "单位列表",
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "array",
                          "items": {
                            "$ref": "#/components/schemas/Unit"
                          }
                        }
                      }
                    }
                  },
                  "401": {
                    "$ref": "#/components/responses/E401"
                  },
                  "403": {
                    "$ref": "#/components/responses/E403"
                  },
                  "404": {
                    "$ref": "#/components/responses/E404"
                  }
                }
              },
              "post": {
                "operationId": "createUnit",
                "summary": "新增单位（联席办、系统管理员）",
                "parameters": [
                  {
                    "name": "code",
                    "in": "path",
                    "required": true,
                    "description": "GB/T 2260 区划代码",
                    "schema": {
                      "type": "string",
                      "pattern": "^[0-9]{6}([0-9]{3})?$"
                    }
                  },
                  {
                    "name": "X-CSRF-Token",
                    "in": "header",
                    "required": false,
                    "description": "以会话 Cookie 调用写接口时必填（登录响应中的 csrfToken）；以 Bearer 令牌调用时不需要",
                    "schema": {
                      "type": "string"
                    }
                  },
                  {
                    "name": "Idempotency-Key",
                    "in": "header",
                    "required": false,
                    "description": "重试同一请求时带上同一个值：只执行一次，重试得到第一次的答复",
                    "schema": {
                      "type": "string",
                      "minLength": 1,
                      "maxLength": 200
                    }
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/UnitInput"
                      }
                    }
                  }
                },
                "responses": {
                  "201": {
                    "description": "已创建",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Unit"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/E400"
                  },
                  "401": {
                    "$ref": "#/components/responses/E401"
                  },
                  "403": {
                    "$ref": "#/components/responses/E403"
                  },
                  "404": {
                    "$ref": "#/components/responses/E404"
                  },
                  "409": {
                    "$ref": "#/components/responses/E409"
                  },
                  "422": {
                    "$ref": "#/components/responses/E422"
                  },
                  "415": {
                    "$ref": "#/components/responses/E415"
                  },
                  "507": {
                    "$ref": "#/components/responses/E507"
                  }
                }
              }
            },
            "/api/v1/units/{id}": {
              "get": {
                "operationId": "getUnit",
                "summary": "单位",
                "parameters": [
                  {
                    "name": "id",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "string",
                      "format": "uuid"
                    }
                  }
                ],
                "responses": {
                  "200": {
                    "description": "单位",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Unit"
                        }
                      }
                    }
                  },
                  "401": {
                    "$ref": "#/components/responses/E401"
                  },
                  "403": {
                    "$ref": "#/components/responses/E403"
                  },
                  "404": {
                    "$ref": "#/components/responses/E404"
                  }
                }
              },
              "patch": {
                "operationId": "updateUnit",
                "summary": "修改单位（带 If-Match 时，他人已改则 412）",
                "parameters": [
                  {
                    "name": "id",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "string",
                      "format": "uuid"
                    }
                  },
                  {
                    "name": "X-CSRF-Token",
                    "in": "header",
                    "required": false,
                    "description": "以会话 Cookie 调用写接口时必填（登录响应中的 csrfToken）；以 Bearer 令牌调用时不需要",
                    "schema": {
                      "type": "string"
                    }
                  },
                  {
                    "name": "If-Match",
                    "in": "header",
                    "required": false,
                    "description": "GET 答复中的 ETag，如 \"3\"",
                    "schema": {
                      "type": "string"
                    }
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/UnitPatch"
                      }
                    }
                  }
                },
                "responses": {
                  "200": {
                    "description": "已修改",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Unit"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/E400"
                  },
                  "401": {
                    "$ref": "#/components/responses/E401"
                  },
                  "403": {
                    "$ref": "#/components/responses/E403"
                  },
                  "404": {
                    "$ref": "#/components/responses/E404"
                  },
                  "409": {
                    "$ref": "#/components/responses/E409"
                  },
                  "412": {
                    "$ref": "#/components/responses/E412"
                  },
                  "422": {
                    "$ref": "#/components/responses/E422"
                  },
                  "415": {
                    "$ref": "#/components/responses/E415"
                  },
                  "507": {
                    "$ref": "#/components/responses/E507"
                  }
                }
              }
            },
            "/api/v1/regions/{code}/joint-meeting": {
              "get": {
                "operationId": "getJointMeeting",
                "summary": "联席会议组成、成员单位及调整记录",
                "parameters": [
                  {
                    "name": "code",
                    "in": "path",
                    "required": true,
                    "description": "GB/T 2260 区划代码",
                    "schema": {
                      "type": "string",
                      "pattern": "^[0-9]{6}([0-9]{3})?$"
                    }
                  }
                ],
                "responses": {
                  "200": {
                    "description": "联席会议",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/JointMeeting"
                        }
                      }
                    }
                  },
                  "401": {
                    "$ref": "#/components/responses/E401"
                  },
                  "403": {
                    "$ref": "#/components/responses/E403"
                  },
                  "404": {
                    "$ref": "#/components/responses/E404"
                  }
                }
              },
              "put": {
                "operationId": "saveJointMeeting",
                "summary": "调整联席会议组成（联席办，须注明批准人）",
                "parameters": [
                  {
                    "name": "code",
                    "in": "path",
                    "required": true,
                    "description": "GB/T 2260 区划代码",
                    "schema": {
                      "type": "string",
                      "pattern": "^[0-9]{6}([0-9]{3})?$"
                    }
                  },
                  {
                    "name": "X-CSRF-Token",
                    "in": "header",
                    "required": false,
                    "description": "以会话 Cookie 调用写接口时必填（登录响应中的 csrfToken）；以 Bearer 令牌调用时不需要",
                    "schema": {
                      "type": "string"
                    }
                  },
                  {
                    "name": "If-Match",
                    "in": "header",
                    "required": false,
                    "description": "GET 答复中的 version，如 \"3\"；他人已改则 412",
                    "schema": {
                      "type": "string"
                    }
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/JointMeetingInput"
                      }
                    }
                  }
                },
                "responses": {
                  "200": {
                    "description": "已保存",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/JointMeeting"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/E400"
                  },
                  "401": {
                    "$ref": "#/components/responses/E401"
                  },
                  "403": {
                    "$ref": "#/components/responses/E403"
                  },
                  "404": {
                    "$ref": "#/components/responses/E404"
                  },
                  "412": {
                    "$ref": "#/components/responses/E412"
                  },
                  "422": {
                    "$ref": "#/components/responses/E422"
                  },
                  "415": {
                    "$ref": "#/components/responses/E415"
                  },
                  "507": {
                    "$ref": "#/components/responses/E507"
                  }
                }
              }
            },
            "/api/v1/users": {
              "get": {
                "operationId": "listUsers",
                "summary": "可见范围内的用户（系统管理员、安全管理员），按用户名每页 100 个",
                "parameters": [
                  {
                    "name": "page",
                    "in": "query",
                    "required": false,
                    "description": "页码，从 1 起",
                    "schema": {
                      "type": "integer",
                      "minimum": 1
                    }
                  }
                ],
                "responses": {
                  "200": {
                    "description": "用户列表的一页",
                    "headers": {
                      "X-Total-Count": {
                        "description": "可见范围内的用户总数",
                        "schema": {
                          "type": "integer"
                        }
                      },
                      "Link": {
                        "description": "下一页：</api/v1/users?page=2>; rel=\"next\"",
                        "schema": {
                          "type": "string"
                        }
                      }
                    },
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "array",
                          "items": {
                            "$ref": "#/components/schemas/User"
                          }
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/E400"
                  },
                  "401": {
                    "$ref": "#/components/responses/E401"
                  },
                  "403": {
                    "$ref": "#/components/responses/E403"
                  },
                  "422": {
                    "$ref": "#/components/responses/E422"
                  }
                }
              },
              "post": {
                "operationId": "createUser",
                "summary": "新建用户并生成一次性密码（系统管理员）",
                "parameters": [
                  {
                    "name": "X-CSRF-Token",
                    "in": "header",
                    "required": false,
                    "description": "以会话 Cookie 调用写接口时必填（登录响应中的 csrfToken）；以 Bearer 令牌调用时不需要",
                    "schema": {
                      "type": "string"
                    }
                  },
                  {
                    "name": "Idempotency-Key",
                    "in": "header",
                    "required": false,
                    "description": "重试同一请求时带上同一个值：只执行一次，重试得到第一次的答复",
                    "schema": {
                      "type": "string",
                      "minLength": 1,
                      "maxLength": 200
                    }
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/UserInput"
                      }
                    }
                  }
                },
                "responses": {
                  "201": {
                    "description": "已创建",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/CreatedUser"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/E400"
                  },
                  "401": {
                    "$ref": "#/components/responses/E401"
                  },
                  "403": {
                    "$ref": "#/components/responses/E403"
                  },
                  "404": {
                    "$ref": "#/components/responses/E404"
                  },
                  "409": {
                    "$ref": "#/components/responses/E409"
                  },
                  "422": {
                    "$ref": "#/components/responses/E422"
                  },
                  "415": {
                    "$ref": "#/components/responses/E415"
                  },
                  "507": {
                    "$ref": "#/components/responses/E507"
                  }
                }
              }
            },
            "/api/v1/users/{id}": {
              "get": {
                "operationId": "getUser",
                "summary": "用户",
                "parameters": [
                  {
                    "name": "id",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "string",
                      "format": "uuid"
                    }
                  }
                ],
                "responses": {
                  "200": {
                    "description": "用户",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/User"
                        }
                      }
                    }
                  },
                  "401": {
                    "$ref": "#/components/responses/E401"
                  },
                  "403": {
                    "$ref": "#/components/responses/E403"
                  },
                  "404": {
                    "$ref": "#/components/responses/E404"
                  }
                }
              }
            },
            "/api/v1/regions/{code}/lists": {
              "get": {
                "operationId": "listLists",
                "summary": "区划的清单（问题清单、责任清单）",
                "parameters": [
                  {
                    "name": "code",
                    "in": "path",
                    "required": true,
                    "description": "GB/T 2260 区划代码",
                    "schema": {
                      "type": "string",
                      "pattern": "^[0-9]{6}([0-9]{3})?$"
                    }
                  }
                ],
                "responses": {
                  "200": {
                    "description": "清单",
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "array",
                          "items": {
                            "$ref": "#/components/schemas/WorkList"
                          }
                        }
                      }
                    }
                  },
                  "401": {
                    "$ref": "#/components/responses/E401"
                  },
                  "403": {
                    "$ref": "#/components/responses/E403"
                  },
                  "404": {
                    "$ref": "#/components/responses/E404"
                  }
                }
              },
              "post": {
                "operationId": "createList",
                "summary": "新建清单（本区划联席办）",
                "parameters": [
                  {
                    "name": "code",
                    "in": "path",
                    "required": true,
                    "description": "GB/T 2260 区划代码",
                    "schema": {
                      "type": "string",
                      "pattern": "^[0-9]{6}([0-9]{3})?$"
                    }
                  },
                  {
                    "name": "X-CSRF-Token",
                    "in": "header",
                    "required": false,
                    "description": "以会话 Cookie 调用写接口时必填（登录响应中的 csrfToken）；以 Bearer 令牌调用时不需要",
                    "schema": {
                      "type": "string"
                    }
                  },
                  {
                    "name": "Idempotency-Key",
                    "in": "header",
                    "required": false,
                    "description": "重试同一请求时带上同一个值：只执行一次，重试得到第一次的答复",
                    "schema": {
                      "type": "string",
                      "minLength": 1,
                      "maxLength": 200
                    }
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/WorkListInput"
                      }
                    }
                  }
                },
                "responses": {
                  "201": {
                    "description": "已创建",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/WorkList"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/E400"
                  },
                  "401": {
                    "$ref": "#/components/responses/E401"
                  },
                  "403": {
                    "$ref": "#/components/responses/E403"
                  },
                  "404": {
                    "$ref": "#/components/responses/E404"
                  },
                  "422": {
                    "$ref": "#/components/responses/E422"
                  },
                  "409": {
                    "$ref": "#/components/responses/E409"
                  },
                  "415": {
                    "$ref": "#/components/responses/E415"
                  },
                  "507": {
                    "$ref": "#/components/responses/E507"
                  }
                }
              }
            },
            "/api/v1/regions/{code}/items": {
              "get": {
                "operationId": "listItems",
                "summary": "工作台账：筛选、关键词、分页（每页 25 项）",
                "parameters": [
                  {
                    "name": "code",
                    "in": "path",
                    "required": true,
                    "description": "GB/T 2260 区划代码",
                    "schema": {
                      "type": "string",
                      "pattern": "^[0-9]{6}([0-9]{3})?$"
                    }
                  },
                  {
                    "name": "list",
                    "in": "query",
                    "required": false,
                    "schema": {
                      "type": "string",
                      "format": "uuid"
                    }
                  },
                  {
                    "name": "area",
                    "in": "query",
                    "required": false,
                    "schema": {
                      "type": "string",
                      "enum": [
                        "lawBasedGovernment",
                        "businessEnvironment",
                        "bankruptcy",
                        "enforcement",
                        "majorRisk",
                        "disputeResolution",
                        "trialOversight",
                        "other"
                      ]
                    }
                  },
                  {
                    "name": "unit",
                    "in": "query",
                    "required": false,
                    "schema": {
                      "type": "string",
                      "format": "uuid"
                    }
                  },
                  {
                    "name": "state",
                    "in": "query",
                    "required": false,
                    "schema": {
                      "type": "string",
                      "enum": [
                        "draft",
                        "issued",
                        "inProgress",
                        "awaitingReview",
                        "ongoing",
                        "closed",
                        "notApplicable",
                        "suspended"
                      ]
                    }
                  },
                  {
                    "name": "kind",
                    "in": "query",
                    "required": false,
                    "schema": {
                      "type": "string",
                      "enum": [
                        "date",
                        "longTerm",
                        "continuous",
                        "periodic",
                        "asNeeded"
                      ]
                    }
                  },
                  {
                    "name": "timeliness",
                    "in": "query",
                    "required": false,
                    "schema": {
                      "type": "string",
                      "enum": [
                        "none",
                        "onTime",
                        "dueSoon",
                        "overdue"
                      ],
                      "description": "overdue 红、dueSoon 黄、onTime 绿：按今天推算，不存储"
                    }
                  },
                  {
                    "name": "q",
                    "in": "query",
                    "required": false,
                    "schema": {
                      "type": "string"
                    }
                  },
                  {
                    "name": "page",
                    "in": "query",
                    "required": false,
                    "schema": {
                      "type": "integer",
                      "minimum": 1
                    }
                  }
                ],
                "responses": {
                  "200": {
                    "description": "事项",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/ItemPage"
                        }
                      }
                    }
                  },
                  "401": {
                    "$ref": "#/components/responses/E401"
                  },
                  "403": {
                    "$ref": "#/components/responses/E403"
                  },
                  "404": {
                    "$ref": "#/components/responses/E404"
                  },
                  "422": {
                    "$ref": "#/components/responses/E422"
                  }
                }
              }
            },
            "/api/v1/items": {
              "post": {
                "operationId": "createItem",
                "summary": "新建事项（本区划联席办；issueNow 为真时同时交办）",
                "parameters": [
                  {
                    "name": "X-CSRF-Token",
                    "in": "header",
                    "required": false,
                    "description": "以会话 Cookie 调用写接口时必填（登录响应中的 csrfToken）；以 Bearer 令牌调用时不需要",
                    "schema": {
                      "type": "string"
                    }
                  },
                  {
                    "name": "Idempotency-Key",
                    "in": "header",
                    "required": false,
                    "description": "重试同一请求时带上同一个值：只执行一次，重试得到第一次的答复",
                    "schema": {
                      "type": "string",
                      "minLength": 1,
                      "maxLength": 200
                    }
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/ItemInput"
                      }
                    }
                  }
                },
                "responses": {
                  "201": {
                    "description": "已创建",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Item"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/E400"
                  },
                  "401": {
                    "$ref": "#/components/responses/E401"
                  },
                  "403": {
                    "$ref": "#/components/responses/E403"
                  },
                  "404": {
                    "$ref": "#/components/responses/E404"
                  },
                  "409": {
                    "$ref": "#/components/responses/E409"
                  },
                  "422": {
                    "$ref": "#/components/responses/E422"
                  },
                  "415": {
                    "$ref": "#/components/responses/E415"
                  },
                  "507": {
                    "$ref": "#/components/responses/E507"
                  }
                }
              }
            },
            "/api/v1/items/{id}": {
              "get": {
                "operationId": "getItem",
                "summary": "事项，含办理单位与进展报告",
                "parameters": [
                  {
                    "name": "id",
                    "in": "path",
                    "required": true,
                    "description": "事项 id",
                    "schema": {
                      "type": "string",
                      "format": "uuid"
                    }
                  }
                ],
                "responses": {
                  "200": {
                    "description": "事项",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Item"
                        }
                      }
                    }
                  },
                  "401": {
                    "$ref": "#/components/responses/E401"
                  },
                  "403": {
                    "$ref": "#/components/responses/E403"
                  },
                  "404": {
                    "$ref": "#/components/responses/E404"
                  }
                }
              },
              "patch": {
                "operationId": "editItem",
                "summary": "修改事项（本级联席办；已交办事项的完成时限不改；带 If-Match 时，他人已改则 412）",
                "parameters": [
                  {
                    "name": "id",
                    "in": "path",
                    "required": true,
                    "description": "事项 id",
                    "schema": {
                      "type": "string",
                      "format": "uuid"
                    }
                  },
                  {
                    "name": "X-CSRF-Token",
                    "in": "header",
                    "required": false,
                    "description": "以会话 Cookie 调用写接口时必填（登录响应中的 csrfToken）；以 Bearer 令牌调用时不需要",
                    "schema": {
                      "type": "string"
                    }
                  },
                  {
                    "name": "If-Match",
                    "in": "header",
                    "required": false,
                    "description": "GET 答复中的 ETag，如 \"3\"",
                    "schema": {
                      "type": "string"
                    }
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/ItemPatch"
                      }
                    }
                  }
                },
                "responses": {
                  "200": {
                    "description": "已修改",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Item"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/E400"
                  },
                  "401": {
                    "$ref": "#/components/responses/E401"
                  },
                  "403": {
                    "$ref": "#/components/responses/E403"
                  },
                  "404": {
                    "$ref": "#/components/responses/E404"
                  },
                  "412": {
                    "$ref": "#/components/responses/E412"
                  },
                  "422": {
                    "$ref": "#/components/responses/E422"
                  },
                  "415": {
                    "$ref": "#/components/responses/E415"
                  },
                  "507": {
                    "$ref": "#/components/responses/E507"
                  }
                }
              }
            },
            "/api/v1/items/{id}/issue": {
              "post": {
                "operationId": "issueItem",
                "summary": "交办",
                "parameters": [
                  {
                    "name": "id",
                    "in": "path",
                    "required": true,
                    "description": "事项 id",
                    "schema": {
                      "type": "string",
                      "format": "uuid"
                    }
                  },
                  {
                    "name": "X-CSRF-Token",
                    "in": "header",
                    "required": false,
                    "description": "以会话 Cookie 调用写接口时必填（登录响应中的 csrfToken）；以 Bearer 令牌调用时不需要",
                    "schema": {
                      "type": "string"
                    }
                  },
                  {
                    "name": "Idempotency-Key",
                    "in": "header",
                    "required": false,
                    "description": "重试同一请求时带上同一个值：只执行一次，重试得到第一次的答复",
                    "schema": {
                      "type": "string",
                      "minLength": 1,
                      "maxLength": 200
                    }
                  }
                ],
                "responses": {
                  "200": {
                    "description": "已交办",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Item"
                        }
                      }
                    }
                  },
                  "401": {
                    "$ref": "#/components/responses/E401"
                  },
                  "403": {
                    "$ref": "#/components/responses/E403"
                  },
                  "404": {
                    "$ref": "#/components/responses/E404"
                  },
                  "409": {
                    "$ref": "#/components/responses/E409"
                  },
                  "422": {
                    "$ref": "#/components/responses/E422"
                  },
                  "400": {
                    "$ref": "#/components/responses/E400"
                  },
                  "507": {
                    "$ref": "#/components/responses/E507"
                  }
                }
              }
            },
            "/api/v1/items/{id}/steps": {
              "post": {
                "operationId": "stepItem",
                "summary": "办理流转：签收、申请销号、审核销号、退回、申请/确认无相关事项、中止、恢复",
                "parameters": [
                  {
                    "name": "id",
                    "in": "path",
                    "required": true,
                    "description": "事项 id",
                    "schema": {
                      "type": "string",
                      "format": "uuid"
                    }
                  },
                  {
                    "name": "X-CSRF-Token",
                    "in": "header",
                    "required": false,
                    "description": "以会话 Cookie 调用写接口时必填（登录响应中的 csrfToken）；以 Bearer 令牌调用时不需要",
                    "schema": {
                      "type": "string"
                    }
                  },
                  {
                    "name": "Idempotency-Key",
                    "in": "header",
                    "required": false,
                    "description": "重试同一请求时带上同一个值：只执行一次，重试得到第一次的答复",
                    "schema": {
                      "type": "string",
                      "minLength": 1,
                      "maxLength": 200
                    }
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/Step"
                      }
                    }
                  }
                },
                "responses": {
                  "200": {
                    "description": "流转后",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Item"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/E400"
                  },
                  "401": {
                    "$ref": "#/components/responses/E401"
                  },
                  "403": {
                    "$ref": "#/components/responses/E403"
                  },
                  "404": {
                    "$ref": "#/components/responses/E404"
                  },
                  "409": {
                    "$ref": "#/components/responses/E409"
                  },
                  "422": {
                    "$ref": "#/components/responses/E422"
                  },
                  "415": {
                    "$ref": "#/components/responses/E415"
                  },
                  "507": {
                    "$ref": "#/components/responses/E507"
                  }
                }
              }
            },
            "/api/v1/items/{id}/reports": {
              "post": {
                "operationId": "reportItem",
                "summary": "报送进展（办理单位）",
                "parameters": [
                  {
                    "name": "id",
                    "in": "path",
                    "required": true,
                    "description": "事项 id",
                    "schema": {
                      "type": "string",
                      "format": "uuid"
                    }
                  },
                  {
                    "name": "X-CSRF-Token",
                    "in": "header",
                    "required": false,
                    "description": "以会话 Cookie 调用写接口时必填（登录响应中的 csrfToken）；以 Bearer 令牌调用时不需要",
                    "schema": {
                      "type": "string"
                    }
                  },
                  {
                    "name": "Idempotency-Key",
                    "in": "header",
                    "required": false,
                    "description": "重试同一请求时带上同一个值：只执行一次，重试得到第一次的答复",
                    "schema": {
                      "type": "string",
                      "minLength": 1,
                      "maxLength": 200
                    }
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/ReportInput"
                      }
                    }
                  }
                },
                "responses": {
                  "201": {
                    "description": "已报送",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Item"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/E400"
                  },
                  "401": {
                    "$ref": "#/components/responses/E401"
                  },
                  "403": {
                    "$ref": "#/components/responses/E403"
                  },
                  "404": {
                    "$ref": "#/components/responses/E404"
                  },
                  "422": {
                    "$ref": "#/components/responses/E422"
                  },
                  "409": {
                    "$ref": "#/components/responses/E409"
                  },
                  "415": {
                    "$ref": "#/components/responses/E415"
                  },
                  "507": {
                    "$ref": "#/components/responses/E507"
                  }
                }
              }
            },
            "/api/v1/items/{id}/hand-down": {
              "post": {
                "operationId": "handDownItem",
                "summary": "下达至下级区划",
                "parameters": [
                  {
                    "name": "id",
                    "in": "path",
                    "required": true,
                    "description": "事项 id",
                    "schema": {
                      "type": "string",
                      "format": "uuid"
                    }
                  },
                  {
                    "name": "X-CSRF-Token",
                    "in": "header",
                    "required": false,
                    "description": "以会话 Cookie 调用写接口时必填（登录响应中的 csrfToken）；以 Bearer 令牌调用时不需要",
                    "schema": {
                      "type": "string"
                    }
                  },
                  {
                    "name": "Idempotency-Key",
                    "in": "header",
                    "required": false,
                    "description": "重试同一请求时带上同一个值：只执行一次，重试得到第一次的答复",
                    "schema": {
                      "type": "string",
                      "minLength": 1,
                      "maxLength": 200
                    }
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/HandDown"
                      }
                    }
                  }
                },
                "responses": {
                  "200": {
                    "description": "下达数",
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "object",
                          "properties": {
                            "created": {
                              "type": "integer"
                            }
                          },
                          "additionalProperties": false,
                          "required": [
                            "created"
                          ]
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/E400"
                  },
                  "401": {
                    "$ref": "#/components/responses/E401"
                  },
                  "403": {
                    "$ref": "#/components/responses/E403"
                  },
                  "404": {
                    "$ref": "#/components/responses/E404"
                  },
                  "422": {
                    "$ref": "#/components/responses/E422"
                  },
                  "409": {
                    "$ref": "#/components/responses/E409"
                  },
                  "415": {
                    "$ref": "#/components/responses/E415"
                  },
                  "507": {
                    "$ref": "#/components/responses/E507"
                  }
                }
              }
            },
            "/api/v1/items/{id}/roll-up": {
              "get": {
                "operationId": "rollUpItem",
                "summary": "下级办理情况汇总",
                "parameters": [
                  {
                    "name": "id",
                    "in": "path",
                    "required": true,
                    "description": "事项 id",
                    "schema": {
                      "type": "string",
                      "format": "uuid"
                    }
                  }
                ],
                "responses": {
                  "200": {
                    "description": "汇总",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/RollUp"
                        }
                      }
                    }
                  },
                  "401": {
                    "$ref": "#/components/responses/E401"
                  },
                  "403": {
                    "$ref": "#/components/responses/E403"
                  },
                  "404": {
                    "$ref": "#/components/responses/E404"
                  }
                }
              }
            },
            "/api/v1/regions/{code}/supervision": {
              "get": {
                "operationId": "listSupervision",
                "summary": "区划的督办（催办、提醒函、通报）及各单位回复",
                "parameters": [
                  {
                    "name": "code",
                    "in": "path",
                    "required": true,
                    "description": "GB/T 2260 区划代码",
                    "schema": {
                      "type": "string",
                      "pattern": "^[0-9]{6}([0-9]{3})?$"
                    }
                  }
                ],
                "responses": {
                  "200": {
                    "description": "督办",
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "array",
                          "items": {
                            "$ref": "#/components/schemas/Supervision"
                          }
                        }
                      }
                    }
                  },
                  "401": {
                    "$ref": "#/components/responses/E401"
                  },
                  "403": {
                    "$ref": "#/components/responses/E403"
                  },
                  "404": {
                    "$ref": "#/components/responses/E404"
                  }
                }
              },
              "post": {
                "operationId": "issueSupervision",
                "summary": "发出督办（本区划联席办；提醒函按年编号）",
                "parameters": [
                  {
                    "name": "code",
                    "in": "path",
                    "required": true,
                    "description": "GB/T 2260 区划代码",
                    "schema": {
                      "type": "string",
                      "pattern": "^[0-9]{6}([0-9]{3})?$"
                    }
                  },
                  {
                    "name": "X-CSRF-Token",
                    "in": "header",
                    "required": false,
                    "description": "以会话 Cookie 调用写接口时必填（登录响应中的 csrfToken）；以 Bearer 令牌调用时不需要",
                    "schema": {
                      "type": "string"
                    }
                  },
                  {
                    "name": "Idempotency-Key",
                    "in": "header",
                    "required": false,
                    "description": "重试同一请求时带上同一个值：只执行一次，重试得到第一次的答复",
                    "schema": {
                      "type": "string",
                      "minLength": 1,
                      "maxLength": 200
                    }
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/SupervisionInput"
                      }
                    }
                  }
                },
                "responses": {
                  "201": {
                    "description": "已发出",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Supervision"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/E400"
                  },
                  "401": {
                    "$ref": "#/components/responses/E401"
                  },
                  "403": {
                    "$ref": "#/components/responses/E403"
                  },
                  "404": {
                    "$ref": "#/components/responses/E404"
                  },
                  "422": {
                    "$ref": "#/components/responses/E422"
                  },
                  "409": {
                    "$ref": "#/components/responses/E409"
                  },
                  "415": {
                    "$ref": "#/components/responses/E415"
                  },
                  "507": {
                    "$ref": "#/components/responses/E507"
                  }
                }
              }
            },
            "/api/v1/supervision-targets/{id}/respond": {
              "post": {
                "operationId": "respondSupervision",
                "summary": "回复督办（被督办单位）",
                "parameters": [
                  {
                    "name": "id",
                    "in": "path",
                    "required": true,
                    "description": "督办对象 id",
                    "schema": {
                      "type": "string",
                      "format": "uuid"
                    }
                  },
                  {
                    "name": "X-CSRF-Token",
                    "in": "header",
                    "required": false,
                    "description": "以会话 Cookie 调用写接口时必填（登录响应中的 csrfToken）；以 Bearer 令牌调用时不需要",
                    "schema": {
                      "type": "string"
                    }
                  },
                  {
                    "name": "Idempotency-Key",
                    "in": "header",
                    "required": false,
                    "description": "重试同一请求时带上同一个值：只执行一次，重试得到第一次的答复",
                    "schema": {
                      "type": "string",
                      "minLength": 1,
                      "maxLength": 200
                    }
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/SupervisionResponse"
                      }
                    }
                  }
                },
                "responses": {
                  "204": {
                    "description": "已回复"
                  },
                  "400": {
                    "$ref": "#/components/responses/E400"
                  },
                  "401": {
                    "$ref": "#/components/responses/E401"
                  },
                  "403": {
                    "$ref": "#/components/responses/E403"
                  },
                  "404": {
                    "$ref": "#/components/responses/E404"
                  },
                  "409": {
                    "$ref": "#/components/responses/E409"
                  },
                  "422": {
                    "$ref": "#/components/responses/E422"
                  },
                  "415": {
                    "$ref": "#/components/responses/E415"
                  },
                  "507": {
                    "$ref": "#/components/responses/E507"
                  }
                }
              }
            },
            "/api/v1/litigation/cases/import": {
              "post": {
                "operationId": "importCases",
                "summary": "导入行政诉讼案件（法院工作人员或其令牌）：按案号幂等，全部写入或全部不写",
                "parameters": [
                  {
                    "name": "X-CSRF-Token",
                    "in": "header",
                    "required": false,
                    "description": "以会话 Cookie 调用写接口时必填（登录响应中的 csrfToken）；以 Bearer 令牌调用时不需要",
                    "schema": {
                      "type": "string"
                    }
                  },
                  {
                    "name": "Idempotency-Key",
                    "in": "header",
                    "required": false,
                    "description": "重试同一请求时带上同一个值：只执行一次，重试得到第一次的答复",
                    "schema": {
                      "type": "string",
                      "minLength": 1,
                      "maxLength": 200
                    }
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "text/csv": {
                      "schema": {
                        "type": "string"
                      }
                    },
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
                      "schema": {
                        "type": "string",
                        "format": "binary"
                      }
                    }
                  }
                },
                "responses": {
                  "200": {
                    "description": "导入结果",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/CaseImportCounts"
                        }
                      }
                    }
                  },
                  "422": {
                    "description": "有问题的行，未写入任何数据",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/CaseImportRefusal"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/E400"
                  },
                  "401": {
                    "$ref": "#/components/responses/E401"
                  },
                  "403": {
                    "$ref": "#/components/responses/E403"
                  },
                  "413": {
                    "$ref": "#/components/responses/E413"
                  },
                  "409": {
                    "$ref": "#/components/responses/E409"
                  },
                  "507": {
                    "$ref": "#/components/responses/E507"
                  }
                }
              }
            },
            "/api/v1/litigation/cases": {
              "get": {
                "operationId": "listCases",
                "summary": "区划（含下级）的行政诉讼案件，按立案日期倒序，每页 50 件",
                "parameters": [
                  {
                    "name": "region",
                    "in": "query",
                    "required": true,
                    "schema": {
                      "type": "string",
                      "pattern": "^[0-9]{6}([0-9]{3})?$"
                    }
                  },
                  {
                    "name": "unit",
                    "in": "query",
                    "required": false,
                    "description": "被告单位",
                    "schema": {
                      "type": "string",
                      "format": "uuid"
                    }
                  },
                  {
                    "name": "state",
                    "in": "query",
                    "required": false,
                    "schema": {
                      "type": "string",
                      "enum": [
                        "pending",
                        "concluded",
                        "lost"
                      ]
                    }
                  },
                  {
                    "name": "number",
                    "in": "query",
                    "required": false,
                    "description": "案号中包含的文字",
                    "schema": {
                      "type": "string"
                    }
                  },
                  {
                    "name": "page",
                    "in": "query",
                    "required": false,
                    "description": "页码；深翻页请用 after",
                    "schema": {
                      "type": "integer",
                      "minimum": 1
                    }
                  },
                  {
                    "name": "after",
                    "in": "query",
                    "required": false,
                    "description": "上一页返回的 next：从其后一件开始（键集分页，不能与 page 同用）",
                    "schema": {
                      "type": "string",
                      "pattern": "^[A-Za-z0-9_-]+$"
                    }
                  }
                ],
                "responses": {
                  "200": {
                    "description": "案件列表",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/CasePage"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/E400"
                  },
                  "401": {
                    "$ref": "#/components/responses/E401"
                  },
                  "403": {
                    "$ref": "#/components/responses/E403"
                  },
                  "404": {
                    "$ref": "#/components/responses/E404"
                  },
                  "422": {
                    "$ref": "#/components/responses/E422"
                  }
                }
              }
            },
            "/api/v1/litigation/cases/{id}": {
              "get": {
                "operationId": "getCase",
                "summary": "案件及其各次开庭、负责人出庭情况",
                "parameters": [
                  {
                    "name": "id",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "string",
                      "format": "uuid"
                    }
                  }
                ],
                "responses": {
                  "200": {
                    "description": "案件",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/AdminCase"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/E400"
                  },
                  "401": {
                    "$ref": "#/components/responses/E401"
                  },
                  "403": {
                    "$ref": "#/components/responses/E403"
                  },
                  "404": {
                    "$ref": "#/components/responses/E404"
                  }
                }
              }
            },
            "/api/v1/litigation/figures": {
              "get": {
                "operationId": "litigationFigures",
                "summary": "区划（含下级）在期间内的诉讼数据、上年同期与双下降",
                "parameters": [
                  {
                    "name": "region",
                    "in": "query",
                    "required": true,
                    "schema": {
                      "type": "string",
                      "pattern": "^[0-9]{6}([0-9]{3})?$"
                    }
                  },
                  {
                    "name": "from",
                    "in": "query",
                    "required": true,
                    "schema": {
                      "type": "string",
                      "format": "date"
                    }
                  },
                  {
                    "name": "to",
                    "in": "query",
                    "required": true,
                    "schema": {
                      "type": "string",
                      "format": "date"
                    }
                  },
                  {
                    "name": "unit",
                    "in": "query",
                    "required": false,
                    "schema": {
                      "type": "string",
                      "format": "uuid"
                    }
                  },
                  {
                    "name": "breakdown",
                    "in": "query",
                    "required": false,
                    "schema": {
                      "type": "string",
                      "enum": [
                        "unit",
                        "actionType",
                        "cause",
                        "month"
                      ]
                    }
                  }
                ],
                "responses": {
                  "200": {
                    "description": "诉讼数据",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/LitigationAnswer"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/E400"
                  },
                  "401": {
                    "$ref": "#/components/responses/E401"
                  },
                  "403": {
                    "$ref": "#/components/responses/E403"
                  },
                  "404": {
                    "$ref": "#/components/responses/E404"
                  },
                  "422": {
                    "$ref": "#/components/responses/E422"
                  }
                }
              }
            }
          },
          "components": {
            "securitySchemes": {
              "bearerAuth": {
                "type": "http",
                "scheme": "bearer"
              },
              "cookieAuth": {
                "type": "apiKey",
                "in": "cookie",
                "name": "fuyuan_session"
              }
            },
            "schemas": {
              "Error": {
                "type": "object",
                "properties": {
                  "error": {
                    "type": "object",
                    "properties": {
                      "code": {
                        "type": "string"
                      },
                      "message": {
                        "type": "string"
                      }
                    },
                    "additionalProperties": false,
                    "required": [
                      "code",
                      "message"
                    ]
                  }
                },
                "additionalProperties": false,
                "required": [
                  "error"
                ]
              },
              "Credentials": {
                "type": "object",
                "properties": {
                  "username": {
                    "type": "string"
                  },
                  "password": {
                    "type": "string"
                  },
                  "code": {
                    "type": "string",
                    "description": "已启用动态口令（TOTP）的账户：验证器当前显示的 6 位数字"
                  }
                },
                "additionalProperties": false,
                "required": [
                  "username",
                  "password"
                ]
              },
              "Me": {
                "type": "object",
                "properties": {
                  "id": {
                    "type": "string",
                    "format": "uuid"
                  },
                  "username": {
                    "type": "string"
                  },
                  "displayName": {
                    "type": "string"
                  },
                  "role": {
                    "type": "string",
                    "enum": [
                      "systemAdmin",
                      "securityAdmin",
                      "auditAdmin",
                      "office",
                      "liaison",
                      "court",
                      "leader"
                    ]
                  },
                  "unitID": {
                    "type": "string",
                    "format": "uuid"
                  },
                  "unitName": {
                    "type": "string"
                  },
                  "regionCode": {
                    "type": "string"
                  },
                  "regionName": {
                    "type": "string"
                  },
                  "mustChangePassword": {
                    "type": "boolean"
                  },
                  "csrfToken": {
                    "type": "string",
                    "nullable": true
                  }
                },
                "additionalProperties": false,
                "required": [
                  "id",
                  "username",
                  "displayName",
                  "role",
                  "unitID",
                  "unitName",
                  "regionCode",
                  "regionName",
                  "mustChangePassword"
                ]
              },
              "Region": {
                "type": "object",
                "properties": {
                  "code": {
                    "type": "string"
                  },
                  "name": {
                    "type": "string"
                  },
                  "level": {
                    "type": "string",
                    "enum": [
                      "province",
                      "city",
                      "county",
                      "township"
                    ]
                  },
                  "parentCode": {
                    "type": "string",
                    "nullable": true
                  }
                },
                "additionalProperties": false,
                "required": [
                  "code",
                  "name",
                  "level"
                ]
              },
              "RegionInput": {
                "type": "object",
                "properties": {
                  "code": {
                    "type": "string"
                  },
                  "name": {
                    "type": "string"
                  },
                  "parentCode": {
                    "type": "string",
                    "nullable": true
                  }
                },
                "additionalProperties": false,
                "required": [
                  "code",
                  "name"
                ]
              },
              "Unit": {
                "type": "object",
                "properties": {
                  "id": {
                    "type": "string",
                    "format": "uuid"
                  },
                  "name": {
                    "type": "string"
                  },
                  "kind": {
                    "type": "string",
                    "enum": [
                      "government",
                      "governmentOffice",
                      "department",
                      "court",
                      "procuratorate",
                      "publicSecurity",
                      "township",
                      "streetOffice",
                      "other"
                    ]
                  },
                  "regionCode": {
                    "type": "string"
                  },
                  "version": {
                    "type": "integer",
                    "description": "亦为 ETag；修改时以 If-Match 回传"
                  }
                },
                "additionalProperties": false,
                "required": [
                  "id",
                  "name",
                  "kind",
                  "regionCode",
                  "version"
                ]
              },
              "UnitInput": {
                "type": "object",
                "properties": {
                  "name": {
                    "type": "string"
                  },
                  "kind": {
                    "type": "string",
                    "enum": [
                      "government",
                      "governmentOffice",
                      "department",
                      "court",
                      "procuratorate",
                      "publicSecurity",
                      "township",
                      "streetOffice",
                      "other"
                    ]
                  }
                },
                "additionalProperties": false,
                "required": [
                  "name",
                  "kind"
                ]
              },
              "UnitPatch": {
                "type": "object",
                "properties": {
                  "name": {
                    "type": "string"
                  },
                  "kind": {
                    "type": "string",
                    "enum": [
                      "government",
                      "governmentOffice",
                      "department",
                      "court",
                      "procuratorate",
                      "publicSecurity",
                      "township",
                      "streetOffice",
                      "other"
                    ]
                  }
                },
                "additionalProperties": false
              },
              "JointMeeting": {
                "type": "object",
                "properties": {
                  "regionCode": {
                    "type": "string"
                  },
                  "name": {
                    "type": "string"
                  },
                  "version": {
                    "type": "integer",
                    "description": "修改时以 If-Match 回传"
                  },
                  "officeUnitID": {
                    "type": "string",
                    "format": "uuid",
                    "nullable": true
                  },
                  "officeUnitName": {
                    "type": "string",
                    "nullable": true
                  },
                  "people": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "properties": {
                        "role": {
                          "type": "string",
                          "enum": [
                            "convener",
                            "executiveDeputy",
                            "deputy"
                          ]
                        },
                        "name": {
                          "type": "string"
                        },
                        "post": {
                          "type": "string"
                        }
                      },
                      "additionalProperties": false,
                      "required": [
                        "role",
                        "name",
                        "post"
                      ]
                    }
                  },
                  "memberUnits": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "properties": {
                        "unitID": {
                          "type": "string",
                          "format": "uuid"
                        },
                        "unitName": {
                          "type": "string"
                        },
                        "liaisonName": {
                          "type": "string"
                        },
                        "liaisonPhone": {
                          "type": "string",
                          "description": "脱敏显示，如 138****5678；库中以 SM4 加密、HMAC-SM3 校验保存"
                        }
                      },
                      "additionalProperties": false,
                      "required": [
                        "unitID",
                        "unitName",
                        "liaisonName",
                        "liaisonPhone"
                      ]
                    }
                  },
                  "changes": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "properties": {
                        "summary": {
                          "type": "array",
                          "items": {
                            "type": "string"
                          }
                        },
                        "approvedBy": {
                          "type": "string"
                        },
                        "approvedOn": {
                          "type": "string"
                        },
                        "recordedBy": {
                          "type": "string"
                        },
                        "recordedAt": {
                          "type": "string",
                          "format": "date-time",
                          "nullable": true
                        }
                      },
                      "additionalProperties": false,
                      "required": [
                        "summary",
                        "approvedBy",
                        "approvedOn",
                        "recordedBy"
                      ]
                    }
                  }
                },
                "additionalProperties": false,
                "required": [
                  "regionCode",
                  "name",
                  "people",
                  "memberUnits",
                  "changes",
                  "version"
                ]
              },
              "JointMeetingInput": {
                "type": "object",
                "properties": {
                  "name": {
                    "type": "string"
                  },
                  "officeUnitID": {
                    "type": "string",
                    "format": "uuid",
                    "nullable": true
                  },
                  "people": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "properties": {
                        "role": {
                          "type": "string",
                          "enum": [
                            "convener",
                            "executiveDeputy",
                            "deputy"
                          ]
                        },
                        "name": {
                          "type": "string"
                        },
                        "post": {
                          "type": "string"
                        }
                      },
                      "additionalProperties": false,
                      "required": [
                        "role",
                        "name",
                        "post"
                      ]
                    }
                  },
                  "memberUnits": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "properties": {
                        "unitID": {
                          "type": "string",
                          "format": "uuid"
                        },
                        "liaisonName": {
                          "type": "string"
                        },
                        "liaisonPhone": {
                          "type": "string"
                        }
                      },
                      "additionalProperties": false,
                      "required": [
                        "unitID",
                        "liaisonName",
                        "liaisonPhone"
                      ]
                    }
                  },
                  "approvedBy": {
                    "type": "string"
                  },
                  "approvedOn": {
                    "type": "string",
                    "format": "date",
                    "description": "YYYY-MM-DD（亦接受 2023/7/24、2023年7月24日）"
                  }
                },
                "additionalProperties": false,
                "required": [
                  "name",
                  "people",
                  "memberUnits",
                  "approvedBy",
                  "approvedOn"
                ]
              },
              "User": {
                "type": "object",
                "properties": {
                  "id": {
                    "type": "string",
                    "format": "uuid"
                  },
                  "username": {
                    "type": "string"
                  },
                  "displayName": {
                    "type": "string"
                  },
                  "role": {
                    "type": "string",
                    "enum": [
                      "systemAdmin",
                      "securityAdmin",
                      "auditAdmin",
                      "office",
                      "liaison",
                      "court",
                      "leader"
                    ]
                  },
                  "unitID": {
                    "type": "string",
                    "format": "uuid"
                  },
                  "isActive": {
                    "type": "boolean"
                  }
                },
                "additionalProperties": false,
                "required": [
                  "id",
                  "username",
                  "displayName",
                  "role",
                  "unitID",
                  "isActive"
                ]
              },
              "UserInput": {
                "type": "object",
                "properties": {
                  "username": {
                    "type": "string"
                  },
                  "displayName": {
                    "type": "string"
                  },
                  "role": {
                    "type": "string",
                    "enum": [
                      "systemAdmin",
                      "securityAdmin",
                      "auditAdmin",
                      "office",
                      "liaison",
                      "court",
                      "leader"
                    ]
                  },
                  "unitID": {
                    "type": "string",
                    "format": "uuid"
                  }
                },
                "additionalProperties": false,
                "required": [
                  "username",
                  "displayName",
                  "role",
                  "unitID"
                ]
              },
              "CreatedUser": {
                "type": "object",
                "properties": {
                  "user": {
                    "$ref": "#/components/schemas/User"
                  },
                  "oneTimePassword": {
                    "type": "string"
                  }
                },
                "additionalProperties": false,
                "required": [
                  "user",
                  "oneTimePassword"
                ]
              },
              "WorkList": {
                "type": "object",
                "properties": {
                  "id": {
                    "type": "string",
                    "format": "uuid"
                  },
                  "kind": {
                    "type": "string",
                    "enum": [
                      "problem",
                      "responsibility"
                    ]
                  },
                  "title": {
                    "type": "string"
                  },
                  "source": {
                    "type": "string"
                  }
                },
                "additionalProperties": false,
                "required": [
                  "id",
                  "kind",
                  "title",
                  "source"
                ]
              },
              "WorkListInput": {
                "type": "object",
                "properties": {
                  "kind": {
                    "type": "string",
                    "enum": [
                      "problem",
                      "responsibility"
                    ]
                  },
                  "title": {
                    "type": "string"
                  },
                  "source": {
                    "type": "string"
                  }
                },
                "additionalProperties": false,
                "required": [
                  "kind",
                  "title"
                ]
              },
              "Part": {
                "type": "object",
                "properties": {
                  "id": {
                    "type": "string",
                    "format": "uuid"
                  },
                  "unitID": {
                    "type": "string",
                    "format": "uuid"
                  },
                  "unitName": {
                    "type": "string"
                  },
                  "role": {
                    "type": "string",
                    "enum": [
                      "lead",
                      "responsible",
                      "cooperating"
                    ]
                  },
                  "state": {
                    "type": "string",
                    "enum": [
                      "assigned",
                      "inProgress",
                      "closureRequested",
                      "closed",
                      "notApplicableRequested",
                      "notApplicable",
                      "ongoing",
                      "suspended"
                    ]
                  },
                  "nextDueOn": {
                    "type": "string",
                    "format": "date",
                    "nullable": true
                  },
                  "nextDueReason": {
                    "type": "string"
                  },
                  "extendedTo": {
                    "type": "string",
                    "format": "date",
                    "nullable": true
                  },
                  "timeliness": {
                    "type": "string",
                    "enum": [
                      "none",
                      "onTime",
                      "dueSoon",
                      "overdue"
                    ],
                    "description": "overdue 红、dueSoon 黄、onTime 绿：按今天推算，不存储"
                  }
                },
                "additionalProperties": false,
                "required": [
                  "id",
                  "unitID",
                  "unitName",
                  "role",
                  "state",
                  "nextDueReason",
                  "timeliness"
                ]
              },
              "Report": {
                "type": "object",
                "properties": {
                  "unitName": {
                    "type": "string"
                  },
                  "reportedOn": {
                    "type": "string"
                  },
                  "period": {
                    "type": "string",
                    "nullable": true
                  },
                  "text": {
                    "type": "string"
                  },
                  "figures": {
                    "type": "string"
                  },
                  "author": {
                    "type": "string"
                  }
                },
                "additionalProperties": false,
                "required": [
                  "unitName",
                  "reportedOn",
                  "text",
                  "figures",
                  "author"
                ]
              },
              "Item": {
                "type": "object",
                "properties": {
                  "id": {
                    "type": "string",
                    "format": "uuid"
                  },
                  "listID": {
                    "type": "string",
                    "format": "uuid"
                  },
                  "number": {
                    "type": "integer"
                  },
                  "title": {
                    "type": "string"
                  },
                  "content": {
                    "type": "string"
                  },
                  "area": {
                    "type": "string",
                    "enum": [
                      "lawBasedGovernment",
                      "businessEnvironment",
                      "bankruptcy",
                      "enforcement",
                      "majorRisk",
                      "disputeResolution",
                      "trialOversight",
                      "other"
                    ]
                  },
                  "deadline": {
                    "type": "string"
                  },
                  "deadlineKind": {
                    "type": "string",
                    "enum": [
                      "date",
                      "longTerm",
                      "continuous",
                      "periodic",
                      "asNeeded"
                    ]
                  },
                  "state": {
                    "type": "string",
                    "enum": [
                      "draft",
                      "issued",
                      "inProgress",
                      "awaitingReview",
                      "ongoing",
                      "closed",
                      "notApplicable",
                      "suspended"
                    ]
                  },
                  "issuedOn": {
                    "type": "string",
                    "nullable": true
                  },
                  "latestReport": {
                    "type": "string"
                  },
                  "timeliness": {
                    "type": "string",
                    "enum": [
                      "none",
                      "onTime",
                      "dueSoon",
                      "overdue"
                    ],
                    "description": "overdue 红、dueSoon 黄、onTime 绿：按今天推算，不存储"
                  },
                  "parentItemID": {
                    "type": "string",
                    "format": "uuid",
                    "nullable": true
                  },
                  "parts": {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/Part"
                    }
                  },
                  "reports": {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/Report"
                    },
                    "nullable": true
                  },
                  "version": {
                    "type": "integer",
                    "description": "亦为 ETag；修改时以 If-Match 回传"
                  }
                },
                "additionalProperties": false,
                "required": [
                  "id",
                  "listID",
                  "number",
                  "title",
                  "content",
                  "area",
                  "deadline",
                  "deadlineKind",
                  "state",
                  "latestReport",
                  "timeliness",
                  "parts",
                  "version"
                ]
              },
              "ItemPatch": {
                "type": "object",
                "properties": {
                  "title": {
                    "type": "string"
                  },
                  "content": {
                    "type": "string"
                  },
                  "area": {
                    "type": "string",
                    "enum": [
                      "lawBasedGovernment",
                      "businessEnvironment",
                      "bankruptcy",
                      "enforcement",
                      "majorRisk",
                      "disputeResolution",
                      "trialOversight",
                      "other"
                    ]
                  },
                  "deadline": {
                    "type": "string",
                    "description": "仅草稿可改，如 2021年10月31日、2023年12月、长期坚持"
                  }
                },
                "additionalProperties": false
              },
              "ItemPage": {
                "type": "object",
                "properties": {
                  "total": {
                    "type": "integer"
                  },
                  "items": {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/Item"
                    }
                  }
                },
                "additionalProperties": false,
                "required": [
                  "total",
                  "items"
                ]
              },
              "ItemInput": {
                "type": "object",
                "properties": {
                  "listID": {
                    "type": "string",
                    "format": "uuid"
                  },
                  "title": {
                    "type": "string"
                  },
                  "content": {
                    "type": "string"
                  },
                  "area": {
                    "type": "string",
                    "enum": [
                      "lawBasedGovernment",
                      "businessEnvironment",
                      "bankruptcy",
                      "enforcement",
                      "majorRisk",
                      "disputeResolution",
                      "trialOversight",
                      "other"
                    ]
                  },
                  "deadline": {
                    "type": "string",
                    "description": "如 2021年10月31日、2023年12月、长期坚持、持续推进、每季度、适时"
                  },
                  "leadUnitIDs": {
                    "type": "array",
                    "items": {
                      "type": "string",
                      "format": "uuid"
                    }
                  },
                  "responsibleUnitIDs": {
                    "type": "array",
                    "items": {
                      "type": "string",
                      "format": "uuid"
                    }
                  },
                  "cooperatingUnitIDs": {
                    "type": "array",
                    "items": {
                      "type": "string",
                      "format": "uuid"
                    }
                  },
                  "issueNow": {
                    "type": "boolean"
                  }
                },
                "additionalProperties": false,
                "required": [
                  "listID",
                  "title",
                  "content",
                  "area",
                  "deadline",
                  "leadUnitIDs",
                  "responsibleUnitIDs",
                  "cooperatingUnitIDs",
                  "issueNow"
                ]
              },
              "Step": {
                "type": "object",
                "properties": {
                  "partID": {
                    "type": "string",
                    "format": "uuid"
                  },
                  "action": {
                    "type": "string",
                    "enum": [
                      "signFor",
                      "requestClosure",
                      "approveClosure",
                      "sendBack",
                      "requestNotApplicable",
                      "confirmNotApplicable",
                      "suspend",
                      "resume"
                    ]
                  },
                  "reason": {
                    "type": "string"
                  }
                },
                "additionalProperties": false,
                "required": [
                  "partID",
                  "action"
                ]
              },
              "ReportInput": {
                "type": "object",
                "properties": {
                  "partID": {
                    "type": "string",
                    "format": "uuid"
                  },
                  "text": {
                    "type": "string"
                  },
                  "figures": {
                    "type": "string"
                  },
                  "period": {
                    "type": "string",
                    "description": "定期报送事项的期次，如 2024-Q1"
                  }
                },
                "additionalProperties": false,
                "required": [
                  "partID",
                  "text"
                ]
              },
              "HandDown": {
                "type": "object",
                "properties": {
                  "regions": {
                    "type": "array",
                    "items": {
                      "type": "string"
                    }
                  }
                },
                "additionalProperties": false,
                "required": [
                  "regions"
                ]
              },
              "RollUp": {
                "type": "object",
                "properties": {
                  "tally": {
                    "type": "object",
                    "additionalProperties": {
                      "type": "integer"
                    }
                  },
                  "regions": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "properties": {
                        "code": {
                          "type": "string"
                        },
                        "name": {
                          "type": "string"
                        },
                        "itemID": {
                          "type": "string",
                          "format": "uuid"
                        },
                        "state": {
                          "type": "string",
                          "enum": [
                            "draft",
                            "issued",
                            "inProgress",
                            "awaitingReview",
                            "ongoing",
                            "closed",
                            "notApplicable",
                            "suspended"
                          ]
                        },
                        "latestReport": {
                          "type": "string"
                        }
                      },
                      "additionalProperties": false,
                      "required": [
                        "code",
                        "name",
                        "itemID",
                        "state",
                        "latestReport"
                      ]
                    }
                  }
                },
                "additionalProperties": false,
                "required": [
                  "tally",
                  "regions"
                ]
              },
              "Supervision": {
                "type": "object",
                "properties": {
                  "id": {
                    "type": "string",
                    "format": "uuid"
                  },
                  "kind": {
                    "type": "string",
                    "enum": [
                      "urge",
                      "reminder",
                      "bulletin"
                    ]
                  },
                  "tone": {
                    "type": "string",
                    "enum": [
                      "none",
                      "commend",
                      "criticise"
                    ]
                  },
                  "reference": {
                    "type": "string"
                  },
                  "itemID": {
                    "type": "string",
                    "format": "uuid",
                    "nullable": true
                  },
                  "text": {
                    "type": "string"
                  },
                  "respondBy": {
                    "type": "string"
                  },
                  "issuedBy": {
                    "type": "string"
                  },
                  "targets": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "properties": {
                        "id": {
                          "type": "string",
                          "format": "uuid"
                        },
                        "unitID": {
                          "type": "string",
                          "format": "uuid"
                        },
                        "unitName": {
                          "type": "string"
                        },
                        "response": {
                          "type": "string",
                          "nullable": true
                        },
                        "respondedBy": {
                          "type": "string",
                          "nullable": true
                        },
                        "respondedAt": {
                          "type": "string",
                          "format": "date-time",
                          "nullable": true
                        }
                      },
                      "additionalProperties": false,
                      "required": [
                        "id",
                        "unitID",
                        "unitName"
                      ]
                    }
                  }
                },
                "additionalProperties": false,
                "required": [
                  "id",
                  "kind",
                  "tone",
                  "reference",
                  "text",
                  "respondBy",
                  "issuedBy",
                  "targets"
                ]
              },
              "SupervisionInput": {
                "type": "object",
                "properties": {
                  "kind": {
                    "type": "string",
                    "enum": [
                      "urge",
                      "reminder",
                      "bulletin"
                    ]
                  },
                  "tone": {
                    "type": "string",
                    "enum": [
                      "none",
                      "commend",
                      "criticise"
                    ]
                  },
                  "unitIDs": {
                    "type": "array",
                    "items": {
                      "type": "string",
                      "format": "uuid"
                    }
                  },
                  "itemID": {
                    "type": "string",
                    "format": "uuid",
                    "nullable": true
                  },
                  "text": {
                    "type": "string"
                  },
                  "respondBy": {
                    "type": "string",
                    "format": "date"
                  }
                },
                "additionalProperties": false,
                "required": [
                  "kind",
                  "unitIDs",
                  "text",
                  "respondBy"
                ]
              },
              "SupervisionResponse": {
                "type": "object",
                "properties": {
                  "text": {
                    "type": "string"
                  }
                },
                "additionalProperties": false,
                "required": [
                  "text"
                ]
              },
              "CaseImportCounts": {
                "type": "object",
                "properties": {
                  "created": {
                    "type": "integer"
                  },
                  "updated": {
                    "type": "integer"
                  },
                  "unchanged": {
                    "type": "integer"
                  }
                },
                "additionalProperties": false,
                "required": [
                  "created",
                  "updated",
                  "unchanged"
                ]
              },
              "CaseImportRefusal": {
                "type": "object",
                "properties": {
                  "error": {
                    "type": "object",
                    "properties": {
                      "code": {
                        "type": "string"
                      },
                      "message": {
                        "type": "string"
                      }
                    },
                    "additionalProperties": false,
                    "required": [
                      "code",
                      "message"
                    ]
                  },
                  "rows": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "properties": {
                        "row": {
                          "type": "integer"
                        },
                        "column": {
                          "type": "string"
                        },
                        "reason": {
                          "type": "string"
                        }
                      },
                      "additionalProperties": false,
                      "required": [
                        "row",
                        "column",
                        "reason"
                      ]
                    }
                  }
                },
                "additionalProperties": false,
                "required": [
                  "error",
                  "rows"
                ]
              },
              "LitigationFigures": {
                "type": "object",
                "properties": {
                  "received": {
                    "type": "integer"
                  },
                  "carriedOver": {
                    "type": "integer"
                  },
                  "new": {
                    "type": "integer"
                  },
                  "caseload": {
                    "type": "integer"
                  },
                  "concluded": {
                    "type": "integer"
                  },
                  "pending": {
                    "type": "integer"
                  },
                  "losses": {
                    "type": "integer"
                  },
                  "heard": {
                    "type": "integer"
                  },
                  "appeared": {
                    "type": "integer"
                  },
                  "lossRate": {
                    "type": "number",
                    "minimum": 0,
                    "maximum": 1,
                    "nullable": true,
                    "description": "0–1；零个案件时为 null"
                  },
                  "appearanceRate": {
                    "type": "number",
                    "minimum": 0,
                    "maximum": 1,
                    "nullable": true,
                    "description": "0–1；零个案件时为 null"
                  },
                  "principalAppearanceRate": {
                    "type": "number",
                    "minimum": 0,
                    "maximum": 1,
                    "nullable": true,
                    "description": "0–1；零个案件时为 null"
                  },
                  "spokeRate": {
                    "type": "number",
                    "minimum": 0,
                    "maximum": 1,
                    "nullable": true,
                    "description": "0–1；零个案件时为 null"
                  },
                  "mediatedWithdrawalRate": {
                    "type": "number",
                    "minimum": 0,
                    "maximum": 1,
                    "nullable": true,
                    "description": "0–1；零个案件时为 null"
                  }
                },
                "additionalProperties": false,
                "required": [
                  "received",
                  "carriedOver",
                  "new",
                  "caseload",
                  "concluded",
                  "pending",
                  "losses",
                  "heard",
                  "appeared",
                  "lossRate",
                  "appearanceRate",
                  "principalAppearanceRate",
                  "spokeRate",
                  "mediatedWithdrawalRate"
                ]
              },
              "CasePage": {
                "type": "object",
                "properties": {
                  "total": {
                    "type": "integer"
                  },
                  "page": {
                    "type": "integer"
                  },
                  "pageSize": {
                    "type": "integer"
                  },
                  "next": {
                    "type": "string"
                  },
                  "cases": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "properties": {
                        "id": {
                          "type": "string",
                          "format": "uuid"
                        },
                        "caseNumber": {
                          "type": "string"
                        },
                        "defendant": {
                          "type": "string"
                        },
                        "region": {
                          "type": "string"
                        },
                        "actionType": {
                          "type": "string"
                        },
                        "filedOn": {
                          "type": "string"
                        },
                        "concludedOn": {
                          "type": "string",
                          "nullable": true
                        },
                        "outcome": {
                          "type": "string",
                          "nullable": true
                        },
                        "heard": {
                          "type": "integer"
                        },
                        "appeared": {
                          "type": "integer"
                        }
                      },
                      "additionalProperties": false,
                      "required": [
                        "id",
                        "caseNumber",
                        "defendant",
                        "region",
                        "actionType",
                        "filedOn",
                        "heard",
                        "appeared"
                      ]
                    }
                  }
                },
                "additionalProperties": false,
                "required": [
                  "total",
                  "page",
                  "pageSize",
                  "cases"
                ]
              },
              "AdminCase": {
                "type": "object",
                "properties": {
                  "id": {
                    "type": "string",
                    "format": "uuid"
                  },
                  "caseNumber": {
                    "type": "string"
                  },
                  "court": {
                    "type": "string"
                  },
                  "procedure": {
                    "type": "string"
                  },
                  "defendant": {
                    "type": "string"
                  },
                  "region": {
                    "type": "string"
                  },
                  "actionType": {
                    "type": "string"
                  },
                  "plaintiffKind": {
                    "type": "string"
                  },
                  "filedOn": {
                    "type": "string"
                  },
                  "concludedOn": {
                    "type": "string",
                    "nullable": true
                  },
                  "outcome": {
                    "type": "string",
                    "nullable": true
                  },
                  "lossCause": {
                    "type": "string",
                    "nullable": true
                  },
                  "hearings": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "properties": {
                        "heldOn": {
                          "type": "string"
                        },
                        "headAppeared": {
                          "type": "boolean"
                        },
                        "headRank": {
                          "type": "string"
                        },
                        "principal": {
                          "type": "boolean"
                        },
                        "spoke": {
                          "type": "boolean"
                        }
                      },
                      "additionalProperties": false,
                      "required": [
                        "heldOn",
                        "headAppeared",
                        "headRank",
                        "principal",
                        "spoke"
                      ]
                    }
                  }
                },
                "additionalProperties": false,
                "required": [
                  "id",
                  "caseNumber",
                  "court",
                  "procedure",
                  "defendant",
                  "region",
                  "actionType",
                  "plaintiffKind",
                  "filedOn",
                  "hearings"
                ]
              },
              "LitigationAnswer": {
                "type": "object",
                "properties": {
                  "region": {
                    "type": "string"
                  },
                  "from": {
                    "type": "string"
                  },
                  "to": {
                    "type": "string"
                  },
                  "figures": {
                    "$ref": "#/components/schemas/LitigationFigures"
                  },
                  "previous": {
                    "$ref": "#/components/schemas/LitigationFigures"
                  },
                  "doubleDecline": {
                    "type": "boolean"
                  },
                  "breakdown": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "properties": {
                        "key": {
                          "type": "string"
                        },
                        "label": {
                          "type": "string"
                        },
                        "figures": {
                          "$ref": "#/components/schemas/LitigationFigures"
                        }
                      },
                      "additionalProperties": false,
                      "required": [
                        "key",
                        "label",
                        "figures"
                      ]
                    }
                  }
                },
                "additionalProperties": false,
                "required": [
                  "region",
                  "from",
                  "to",
                  "figures",
                  "previous",
                  "doubleDecline"
                ]
              }
            },
            "responses": {
              "E400": {
                "description": "请求格式错误",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Error"
                    }
                  }
                }
              },
              "E401": {
                "description": "未登录或令牌无效",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Error"
                    }
                  }
                }
              },
              "E403": {
                "description": "无权执行，或来源校验（CSRF）失败",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Error"
                    }
                  }
                }
              },
              "E404": {
                "description": "不存在或不在可见范围内",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Error"
                    }
                  }
                }
              },
              "E409": {
                "description": "与已有数据冲突",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Error"
                    }
                  }
                }
              },
              "E412": {
                "description": "对象已被他人修改（If-Match 与当前版本不符），请重新读取后再改",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Error"
                    }
                  }
                }
              },
              "E413": {
                "description": "文件过大",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Error"
                    }
                  }
                }
              },
              "E415": {
                "description": "须以 application/json 提交",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Error"
                    }
                  }
                }
              },
              "E429": {
                "description": "同一网络地址登录失败次数过多，Retry-After 秒后再试",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Error"
                    }
                  }
                }
              },
              "E422": {
                "description": "内容校验未通过，message 指明字段",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Error"
                    }
                  }
                }
              },
              "E507": {
                "description": "服务器存储空间已满，本次操作未保存；清理空间后重发同一请求",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Error"
                    }
                  }
                }
              }
            }
          }
        }
        """#
}
