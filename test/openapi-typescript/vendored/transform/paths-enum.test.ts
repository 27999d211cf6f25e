// @ts-nocheck — vendored from openapi-ts/openapi-typescript (packages/openapi-typescript/test/transform/paths-enum.test.ts at 0cc7ee77d283,
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
import { makeApiPathsEnum } from "../shim.js";
import type { GlobalContext } from "../shim.js";
import type { TestCase } from "../test-helpers.js";

describe("transformPathsObjectToEnum", () => {
  const tests: TestCase<any, GlobalContext>[] = [
    [
      "basic",
      {
        given: {
          "/api/v1/user": {
            get: {},
          },
        },
        want: `export enum ApiPaths {
    GetApiV1User = "/api/v1/user"
}`,
      },
    ],
    [
      "basic with path parameter",
      {
        given: {
          "/api/v1/user/{user_id}": {
            parameters: [
              {
                name: "page",
                in: "query",
                schema: { type: "number" },
                description: "Page number.",
              },
            ],
            get: {
              parameters: [{ name: "user_id", in: "path", description: "User ID." }],
            },
          },
        },
        want: `export enum ApiPaths {
    GetApiV1User = "/api/v1/user/{user_id}"
}`,
      },
    ],
    [
      "with operationId",
      {
        given: {
          "/api/v1/user/{user_id}": {
            parameters: [
              {
                name: "page",
                in: "query",
                schema: { type: "number" },
                description: "Page number.",
              },
            ],
            get: {
              operationId: "GetUserById",
              parameters: [{ name: "user_id", in: "path", description: "User ID." }],
            },
          },
        },
        want: `export enum ApiPaths {
    GetUserById = "/api/v1/user/{user_id}"
}`,
      },
    ],
    [
      "with and without operationId",
      {
        given: {
          "/api/v1/user/{user_id}": {
            parameters: [
              {
                name: "page",
                in: "query",
                schema: { type: "number" },
                description: "Page number.",
              },
            ],
            get: {
              operationId: "GetUserById",
              parameters: [{ name: "user_id", in: "path", description: "User ID." }],
            },
            post: {
              parameters: [{ name: "user_id", in: "path", description: "User ID." }],
            },
          },
        },
        want: `export enum ApiPaths {
    GetUserById = "/api/v1/user/{user_id}",
    PostApiV1User = "/api/v1/user/{user_id}"
}`,
      },
    ],
    [
      "invalid method",
      {
        given: {
          "/api/v1/user": {
            invalidMethod: {},
          },
        },
        want: `export enum ApiPaths {
}`,
      },
    ],
  ];

  for (const [testName, { given, want, ci }] of tests) {
    test.skipIf(ci?.skipIf)(
      testName,
      async () => {
        const result = astToString(makeApiPathsEnum(given));
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
