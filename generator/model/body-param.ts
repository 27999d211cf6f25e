import type { OperationModel, TypeModel } from './model.js';

type Body = NonNullable<OperationModel['body']>;

/**
 * What a method's `body` argument is: the body itself, or, where `x-sdkgen-body-param` names a
 * property (Stainless's `body_param_name`), an object whose one property holds it (`{ ids }`), as
 * calls of the published SDK pass it, named where the model named it. The wire carries the body
 * alone either way.
 */
export function bodyArgumentType(body: Body): TypeModel {
  if (body.param === undefined) return body.type;
  if (body.argumentTypeName !== undefined) return { kind: 'ref', name: body.argumentTypeName };
  return {
    kind: 'object',
    properties: [
      {
        name: body.param,
        required: body.required,
        type: body.type,
        docs: { description: body.description },
        readOnly: false,
        writeOnly: false,
      },
    ],
    additional: undefined,
  };
}
