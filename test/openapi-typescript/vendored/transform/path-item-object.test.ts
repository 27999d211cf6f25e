// @ts-nocheck — vendored from openapi-ts/openapi-typescript (packages/openapi-typescript/test/transform/path-item-object.test.ts at 0cc7ee77d283,
// openapi-typescript 7.13.0), unchanged but for its imports, which point at sdkgen's model
// through ./shim.ts (vendored/README.md). Their licence:
// MIT License
// 
// Copyright (c) 2020 Drew Powers
// 
// Permission is hereby granted, free of charge, to any person obtaining a copy
// of this software and associated documentation files (the "Software"), to deal
// in the Software without restriction, including without limitation the rights
// to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
// copies of the Software, and to permit persons to whom the Software is
// furnished to do so, subject to the following conditions:
// 
// The above copyright notice and this permission notice shall be included in all
// copies or substantial portions of the Software.
// 
// THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
// IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
// FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
// AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
// LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
// OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
// SOFTWARE.

import { expect } from "vitest";
import { describe, test } from "../shim.js";
import { fileURLToPath } from "node:url";
import { astToString } from "../shim.js";
import { transformPathItemObject } from "../shim.js";
import { DEFAULT_CTX, type TestCase } from "../test-helpers.js";

const DEFAULT_OPTIONS = {
  path: "#/paths/~1get-item",
  ctx: { ...DEFAULT_CTX },
};

describe("transformPathItemObject", () => {
  const tests: TestCase[] = [
    [
      "basic",
      {
        given: {
          get: {
            description: "Basic GET",
            responses: {
              200: {
                description: "OK",
                content: {
                  "application/json": {
                    schema: {
                      type: "object",
                      properties: {
                        success: { type: "boolean" },
                      },
                      required: ["success"],
                    },
                  },
                },
              },
              404: { $ref: "#/components/responses/NotFound" },
              "5xx": {
                description: "Server error",
                content: {
                  "application/json": {
                    schema: {
                      type: "object",
                      properties: {
                        message: { type: "string" },
                        code: { type: "string" },
                      },
                      required: ["message"],
                    },
                  },
                },
              },
            },
          },
          put: {
            description: "Basic PUT",
            requestbody: {
              "application/json": { $ref: "#/components/schemas/User" },
            },
            responses: {
              200: { $ref: "#/components/responses/AllGood" },
              404: { $ref: "#/components/responses/NotFound" },
            },
          },
          post: {
            description: "Basic POST",
            requestBody: {
              content: {
                "application/json": { $ref: "#/components/schemas/User" },
              },
            },
            responses: {
              200: { $ref: "#/components/responses/AllGood" },
              404: { $ref: "#/components/responses/NotFound" },
            },
          },
          delete: {
            description: "Basic DELETE",
            requestbody: {
              "application/json": { $ref: "#/components/schemas/User" },
            },
            responses: {
              200: { $ref: "#/components/responses/AllGood" },
              404: { $ref: "#/components/responses/NotFound" },
            },
          },
          options: {
            description: "Basic OPTIONS",
            responses: {
              200: { $ref: "#/components/responses/AllGood" },
            },
          },
          head: {
            description: "Basic HEAD",
            responses: {
              200: { $ref: "#/components/responses/AllGood" },
            },
          },
          patch: {
            description: "Basic PATCH",
            requestbody: {
              "application/json": { $ref: "#/components/schemas/User" },
            },
            responses: {
              200: { $ref: "#/components/responses/AllGood" },
              404: { $ref: "#/components/responses/NotFound" },
            },
          },
          trace: {
            description: "Basic TRACE",
            responses: {
              200: { $ref: "#/components/responses/AllGood" },
            },
          },
        },
        want: `{
    parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
    };
    /** @description Basic GET */
    get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        success: boolean;
                    };
                };
            };
            404: components["responses"]["NotFound"];
            /** @description Server error */
            "5xx": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                        code?: string;
                    };
                };
            };
        };
    };
    /** @description Basic PUT */
    put: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["AllGood"];
            404: components["responses"]["NotFound"];
        };
    };
    /** @description Basic POST */
    post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["User"];
            };
        };
        responses: {
            200: components["responses"]["AllGood"];
            404: components["responses"]["NotFound"];
        };
    };
    /** @description Basic DELETE */
    delete: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["AllGood"];
            404: components["responses"]["NotFound"];
        };
    };
    /** @description Basic OPTIONS */
    options: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["AllGood"];
        };
    };
    /** @description Basic HEAD */
    head: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["AllGood"];
        };
    };
    /** @description Basic PATCH */
    patch: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["AllGood"];
            404: components["responses"]["NotFound"];
        };
    };
    /** @description Basic TRACE */
    trace: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["AllGood"];
        };
    };
}`,
        // options: DEFAULT_OPTIONS,
      },
    ],
    [
      "operations",
      {
        given: {
          get: {
            description: "Get a user",
            operationId: "getUser",
            responses: {
              200: {
                description: "Get User",
                content: {
                  "application/json": {
                    schema: {
                      type: "object",
                      properties: {
                        url: { type: "string" },
                        "content-type": { type: "string" },
                      },
                      required: ["url"],
                    },
                  },
                },
              },
            },
          },
        },
        want: `{
    parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
    };
    /** @description Get a user */
    get: operations["getUser"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
}`,
        // options: DEFAULT_OPTIONS,
      },
    ],
    [
      "$ref",
      {
        given: {
          get: {
            $ref: "#/components/schemas/GetUserOperation",
          },
        },
        want: `{
    parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
    };
    get: components["schemas"]["GetUserOperation"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
}`,
        // options: DEFAULT_OPTIONS,
      },
    ],
    [
      "options > excludeDeprecated: true",
      {
        given: {
          get: {
            deprecated: true,
          },
        },
        want: `{
    parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
}`,
        options: {
          ...DEFAULT_OPTIONS,
          ctx: { ...DEFAULT_OPTIONS.ctx, excludeDeprecated: true },
        },
      },
    ],
    [
      "parameters > header and cookie have same name param1",
      {
        given: {
          get: {
            parameters: [
              {
                name: "param1",
                in: "header",
                required: true,
                schema: {
                  type: "string",
                },
                description: "param1",
              },
              {
                name: "param1",
                in: "cookie",
                required: true,
                schema: {
                  type: "string",
                },
                description: "param1",
              },
            ],
          },
        },
        want: `{
    parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
    };
    get: {
        parameters: {
            query?: never;
            header: {
                /** @description param1 */
                param1: string;
            };
            path?: never;
            cookie: {
                /** @description param1 */
                param1: string;
            };
        };
        requestBody?: never;
        responses: never;
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
}`,
      },
    ],
  ];

  for (const [testName, { given, want, options = DEFAULT_OPTIONS, ci }] of tests) {
    test.skipIf(ci?.skipIf)(
      testName,
      async () => {
        const result = astToString(transformPathItemObject(given, options));
        if (want instanceof URL) {
          await expect(result).toMatchFileSnapshot(fileURLToPath(want));
        } else {
          expect(result).toBe(`${want}\n`);
        }
      },
      ci?.timeout,
    );
  }
});
