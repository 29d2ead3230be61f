#!/usr/bin/env node
// Installs the tools the tests run that `npm ci` does not (see TOOLS in client-project.mjs) into
// their cached directories, so the test run itself needs no registry. .ci/run calls it.
import { TOOLS, toolPath } from './client-project.mjs';

for (const name of Object.keys(TOOLS)) console.log(`${name}: ${toolPath(name)}`);
