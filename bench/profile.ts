// CPU profile of one in-process generation: `node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/profile.ts [spec]`
import { generate } from '../generator/generate.js';

generate({ spec: process.argv[2] ?? '../shared/specs/openai.yaml', out: '/tmp/sdkgen-profile' });
