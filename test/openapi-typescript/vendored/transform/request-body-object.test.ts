// @ts-nocheck — vendored from openapi-ts/openapi-typescript (packages/openapi-typescript/test/transform/request-body-object.test.ts at 0cc7ee77d283,
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
import { transformRequestBodyObject } from "../shim.js";
import { DEFAULT_CTX, type TestCase } from "../test-helpers.js";

const DEFAULT_OPTIONS = {
  path: "#/paths/~1get-item/get",
  ctx: { ...DEFAULT_CTX },
};

describe("transformRequestBodyObject", () => {
  const tests: TestCase[] = [
    [
      "basic",
      {
        given: {
          content: {
            "application/json": {
              schema: {
                type: "object",
                properties: {
                  required: { type: "string" },
                  optional: { type: "string" },
                },
                required: ["required"],
              },
            },
          },
        },
        want: `{
    content: {
        "application/json": {
            required: string;
            optional?: string;
        };
    };
}`,
        // options: DEFAULT_OPTIONS,
      },
    ],
    [
      "empty",
      {
        given: { content: {} },
        want: `{
    content: {
        "*/*"?: never;
    };
}`,
      },
    ],
    [
      "no-content",
      {
        given: {},
        want: `{
    content: {
        "*/*"?: never;
    };
}`,
      },
    ],
    [
      "POST data with default values",
      {
        given: {
          content: {
            "application/x-www-form-urlencoded": {
              schema: {
                type: "object",
                properties: {
                  required: { type: "string" },
                  optional: { type: "string" },
                  flag_optional: { type: "boolean", default: false },
                  flag_required: { type: "boolean", default: false },
                },
                required: ["required", "flag_required"],
              },
            },
          },
          required: true,
          description: "description",
        },
        want: `{
    content: {
        "application/x-www-form-urlencoded": {
            required: string;
            optional?: string;
            /** @default false */
            flag_optional?: boolean;
            /** @default false */
            flag_required: boolean;
        };
    };
}`,
        options: {
          path: "#/paths/~post-item/post/requestBody/application~1x-www-form-urlencoded",
          ctx: { ...DEFAULT_CTX },
        },
      },
    ],
    [
      "requestBodies -> POST data with default values",
      {
        given: {
          content: {
            "application/json": {
              schema: {
                properties: {
                  card_title: {
                    type: "string",
                    title: "Card Title",
                    default: "Social Profile",
                  },
                  template: {
                    type: "string",
                    title: "Template",
                  },
                  socials: {
                    type: "object",
                    title: "Socials",
                    default: {},
                  },
                },
                type: "object",
                required: ["template"],
                title: "Create",
                description: "Social Profile schema for create.",
              },
            },
          },
          description: "description",
        },
        want: `{
    content: {
        "application/json": {
            /**
             * Card Title
             * @default Social Profile
             */
            card_title?: string;
            /** Template */
            template: string;
            /**
             * Socials
             * @default {}
             */
            socials?: Record<string, never>;
        };
    };
}`,
        options: {
          path: "#/components/requestBodies/social_profiles__Create/application~1json",
          ctx: { ...DEFAULT_CTX },
        },
      },
    ],
  ];

  for (const [testName, { given, want, options = DEFAULT_OPTIONS, ci }] of tests) {
    test.skipIf(ci?.skipIf)(
      testName,
      async () => {
        const result = astToString(transformRequestBodyObject(given, options));
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
