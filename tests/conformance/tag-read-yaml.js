// Prints a YAML file as JSON, read as CloudFormation reads templates: YAML 1.1, with the YAML
// parser aws-cdk-lib bundles. Custom tags (!Ref ...) are kept as strings.
// usage: node tag-read-yaml.js FILE
'use strict';
const fs = require('fs');
const path = require('path');
const cdkDir = path.dirname(require.resolve('aws-cdk-lib/package.json'));
const YAML = require(require.resolve('yaml', { paths: [cdkDir] }));
const doc = YAML.parse(fs.readFileSync(process.argv[2], 'utf8'), { version: '1.1', strict: true, customTags: [] });
process.stdout.write(JSON.stringify(doc));
