// @ts-nocheck — vendored from openapi-ts/openapi-typescript (packages/openapi-typescript/test/transform/response-object.test.ts at 0cc7ee77d283,
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
import { transformResponseObject } from "../shim.js";
import { DEFAULT_CTX, type TestCase } from "../test-helpers.js";

const DEFAULT_OPTIONS = {
  path: "#/paths/~1get-item/responses/200",
  ctx: { ...DEFAULT_CTX },
};

describe("transformResponseObject", () => {
  const tests: TestCase[] = [
    [
      "basic",
      {
        given: {
          description: "basic",
          headers: {
            foo: {
              schema: { type: "string" },
            },
          },
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
        want: `{
    headers: {
        foo?: string;
        [name: string]: unknown;
    };
    content: {
        "application/json": {
            url: string;
            "content-type"?: string;
        };
    };
}`,
        // options: DEFAULT_OPTIONS,
      },
    ],
    [
      "empty",
      {
        given: {
          description: "empty",
          headers: {
            "some-header": {
              schema: { type: "string" },
              required: true,
            },
          },
        },
        want: `{
    headers: {
        "some-header": string;
        [name: string]: unknown;
    };
    content?: never;
}`,
        // options: DEFAULT_OPTIONS,
      },
    ],
    [
      "no-content",
      {
        given: {},
        want: `{
    headers: {
        [name: string]: unknown;
    };
    content?: never;
}`,
      },
    ],
  ];

  for (const [testName, { given, want, options = DEFAULT_OPTIONS, ci }] of tests) {
    test.skipIf(ci?.skipIf)(
      testName,
      async () => {
        const result = astToString(transformResponseObject(given, options));
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
