// What the real @aws-cdk/cloudformation-diff says each template change does to the table: for
// every pair in the list file (JSON: [{"name", "old", "new"}], paths of two templates), one line
// of JSON {"name", "replaced", "typeChanged"} on stdout. "replaced": a table resource of the old
// template is replaced (or may be), or leaves it while a table resource with another logical ID
// arrives; "typeChanged": a logical ID keeps its name but changes resource type.
'use strict';
const fs = require('fs');
const { fullDiff, ResourceImpact } = require('@aws-cdk/cloudformation-diff');

const TABLE_TYPES = new Set(['AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable']);

function verdict(oldTemplate, newTemplate) {
  const diff = fullDiff(oldTemplate, newTemplate);
  let replaced = false, typeChanged = false, removed = false, added = false;
  diff.resources.forEachDifference((id, change) => {
    const types = [change.oldResourceType, change.newResourceType];
    if (!types.some((t) => TABLE_TYPES.has(t))) return;
    if (change.resourceTypeChanged) typeChanged = true;
    else if (change.changeImpact === ResourceImpact.WILL_REPLACE || change.changeImpact === ResourceImpact.MAY_REPLACE)
      replaced = true;
    else if (change.isRemoval) removed = true;
    else if (change.isAddition) added = true;
  });
  return { replaced: replaced || (removed && added), typeChanged };
}

const pairs = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
for (const p of pairs) {
  const read = (f) => JSON.parse(fs.readFileSync(f, 'utf8'));
  console.log(JSON.stringify({ name: p.name, ...verdict(read(p.old), read(p.new)) }));
}
