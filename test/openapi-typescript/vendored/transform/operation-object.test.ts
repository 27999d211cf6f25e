// @ts-nocheck — vendored from openapi-ts/openapi-typescript (packages/openapi-typescript/test/transform/operation-object.test.ts at 0cc7ee77d283,
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
import { transformOperationObject } from "../shim.js";
import { DEFAULT_CTX, type TestCase } from "../test-helpers.js";

const DEFAULT_OPTIONS = { path: "#/paths/~1get-item", ctx: { ...DEFAULT_CTX } };

describe("transformOperationObject", () => {
  const tests: TestCase[] = [
    [
      "supports XX codes",
      {
        given: {
          responses: {
            "2XX": {
              description: "OK",
              content: {
                "application/json": {
                  schema: { type: "string" },
                },
              },
            },
            "4XX": {
              description: "OK",
              content: {
                "application/json": {
                  schema: { $ref: "#/components/schemas/Error" },
                },
              },
            },
            "5XX": {
              description: "OK",
              content: {
                "application/json": {
                  schema: { $ref: "#/components/schemas/Error" },
                },
              },
            },
          },
        },
        want: `parameters: {
    query?: never;
    header?: never;
    path?: never;
    cookie?: never;
};
requestBody?: never;
responses: {
    /** @description OK */
    "2XX": {
        headers: {
            [name: string]: unknown;
        };
        content: {
            "application/json": string;
        };
    };
    /** @description OK */
    "4XX": {
        headers: {
            [name: string]: unknown;
        };
        content: {
            "application/json": components["schemas"]["Error"];
        };
    };
    /** @description OK */
    "5XX": {
        headers: {
            [name: string]: unknown;
        };
        content: {
            "application/json": components["schemas"]["Error"];
        };
    };
};`,
      },
    ],
    [
      "parameters > root optional if no path params and no required params",
      {
        given: {
          parameters: [
            { in: "query", name: "search", schema: { type: "string" } },
            {
              in: "header",
              name: "x-header",
              schema: { type: "string" },
            },
          ],
          responses: {
            200: {
              description: "OK",
              content: { "application/json": { schema: { type: "string" } } },
            },
          },
        },
        want: `parameters: {
    query?: {
        search?: string;
    };
    header?: {
        "x-header"?: string;
    };
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
            "application/json": string;
        };
    };
};`,
      },
    ],
    [
      "parameters > root not optional if any path params",
      {
        given: {
          parameters: [
            { in: "path", name: "user_id", schema: { type: "string" } },
            { in: "query", name: "search", schema: { type: "string" } },
          ],
          responses: {
            "200": {
              description: "OK",
              content: { "application/json": { schema: { type: "string" } } },
            },
          },
        },
        want: `parameters: {
    query?: {
        search?: string;
    };
    header?: never;
    path: {
        user_id: string;
    };
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
            "application/json": string;
        };
    };
};`,
      },
    ],
    [
      "defaultNonNullable > parameters aren’t required even with defaults",
      {
        given: {
          parameters: [
            {
              in: "query",
              name: "format",
              schema: { type: "string", default: "json" },
            },
          ],
          responses: {
            "200": {
              description: "OK",
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    properties: {
                      required: {
                        type: "string",
                        default: "true",
                      },
                      optional: {
                        type: "boolean",
                      },
                    },
                  },
                },
              },
            },
          },
        },
        want: `parameters: {
    query?: {
        format?: string;
    };
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
                /** @default true */
                required: string;
                optional?: boolean;
            };
        };
    };
};`,
      },
    ],
    [
      "parameters, responses > test excludeDeprecated option",
      {
        options: {
          ...DEFAULT_OPTIONS,
          ctx: { ...DEFAULT_CTX, excludeDeprecated: true },
        },
        given: {
          parameters: [
            { in: "path", name: "user_id", schema: { type: "string" } },
            {
              in: "path",
              name: "user_id_deprecated",
              schema: { type: "string", deprecated: true },
            },
            { in: "query", name: "search", schema: { type: "string" } },
            {
              in: "query",
              name: "search_deprecated",
              schema: { type: "string", deprecated: true },
            },
          ],
          responses: {
            "200": {
              description: "OK",
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    properties: {
                      hello: { type: "string" },
                      hello_deprecated: { type: "string", deprecated: true },
                    },
                  },
                },
              },
            },
          },
        },
        want: `parameters: {
    query?: {
        search?: string;
    };
    header?: never;
    path: {
        user_id: string;
    };
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
                hello?: string;
            };
        };
    };
};`,
      },
    ],
  ];

  for (const [testName, { given, want, options = DEFAULT_OPTIONS, ci }] of tests) {
    test.skipIf(ci?.skipIf)(
      testName,
      async () => {
        const result = astToString(transformOperationObject(given, options));
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
