import { isRecord } from '../validate-document.js';
import { setClient } from './client-settings.js';
import { type Conversion, readKeys } from './context.js';
import { readEndpoint, specEndpoints } from './endpoints.js';

/** `readme.example_requests.default`: the request the generated README shows first. */
export function readReadme(conversion: Conversion, readme: unknown, container: Record<string, unknown>): void {
  if (!isRecord(readme)) {
    conversion.error('stainless-invalid', '`readme` must be a mapping.', container, 'readme');
    return;
  }
  readKeys(
    conversion,
    readme,
    'readme',
    { example_requests: (examples) => readExamples(conversion, examples, readme) },
    // Stainless's own line in the README it writes.
    ['include_stainless_attribution'],
  );
}

const README_EXAMPLE = "sdkgen's README shows the `default` example.";

function readExamples(conversion: Conversion, examples: unknown, readme: Record<string, unknown>): void {
  if (!isRecord(examples)) {
    conversion.error('stainless-invalid', '`readme.example_requests` must be a mapping.', readme, 'example_requests');
    return;
  }
  const main = isRecord(examples['default']) ? examples['default'] : undefined;
  readKeys(conversion, examples, 'readme.example_requests', {
    default: () => {
      if (main === undefined) return;
      readKeys(conversion, main, 'readme.example_requests.default', {
        type: () => {},
        endpoint: () => {},
        params: () => {},
      });
      const endpoint = readEndpoint(conversion, main, 'endpoint', specEndpoints(conversion.spec));
      if (endpoint === undefined) return;
      const params = main['params'];
      setClient(
        conversion,
        {
          readme: {
            example: `${endpoint.verb} ${endpoint.path}`,
            ...(isRecord(params) && Object.keys(params).length > 0 ? { params } : {}),
          },
        },
        main,
        'endpoint',
      );
    },
    pagination: () =>
      conversion.unsupported(examples, 'pagination', 'readme.example_requests.pagination', README_EXAMPLE),
    // The headline example is the default one in sdkgen's README; said only where it differs.
    headline: (headline) => {
      if (!isRecord(headline) || main === undefined || headline['endpoint'] !== main['endpoint'])
        conversion.unsupported(
          examples,
          'headline',
          'readme.example_requests.headline',
          "sdkgen's README shows the `default` example.",
        );
    },
  });
}
