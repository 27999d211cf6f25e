// The spec the diff tests change: a small pets API, and a way to edit its text.
/** A small API: pets with owners, a list and a create; `edit` changes its YAML text. */
export const BASE = `openapi: 3.1.0
info: {title: Pets API, version: 1.0.0}
servers: [{url: https://api.example.com/v1}]
components:
  securitySchemes:
    key: {type: http, scheme: bearer}
  schemas:
    Pet:
      type: object
      required: [id, name, kind]
      properties:
        id: {type: string}
        name: {type: string}
        kind: {type: string, enum: [cat, dog]}
        owner: {$ref: "#/components/schemas/Owner"}
        tag: {type: string}
    Owner:
      type: object
      required: [name]
      properties:
        name: {type: string}
    NewPet:
      type: object
      required: [name]
      properties:
        name: {type: string}
        kind: {type: string, enum: [cat, dog]}
        nickname: {type: string}
security: [{key: []}]
paths:
  /pets:
    get:
      operationId: listPets
      parameters:
        - {name: limit, in: query, required: false, schema: {type: integer}}
        - {name: species, in: query, required: false, schema: {type: string, enum: [cat, dog]}}
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {type: array, items: {$ref: "#/components/schemas/Pet"}}
    post:
      operationId: createPet
      requestBody:
        required: false
        content:
          application/json:
            schema: {$ref: "#/components/schemas/NewPet"}
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Pet"}
  /pets/{petId}:
    get:
      operationId: getPet
      parameters:
        - {name: petId, in: path, required: true, schema: {type: string}}
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Pet"}
`;

/** The head spec: BASE with each [from, to] replaced once (each `from` must occur). */
export function edit(...replacements: [string, string][]): string {
  let text = BASE;
  for (const [from, to] of replacements) {
    if (!text.includes(from)) throw new Error(`not in BASE: ${from}`);
    text = text.replace(from, to);
  }
  return text;
}
