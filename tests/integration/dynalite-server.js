// Starts dynalite (tests/node_modules) in memory on 127.0.0.1 and a free port (or --port N),
// and prints "port N" once it listens. Stops by itself after --lifetime seconds (default 120), so a test
// that dies cannot leave it behind.
//
// --gsi-updates: dynalite answers UpdateTable's GSI Create and Delete with success but does
// nothing. This flag makes it carry them out the way DynamoDB does: the index goes CREATING or
// DELETING, the table UPDATING, for --update-ms; one index change at a time per table
// (LimitExceededException otherwise). It changes what DescribeTable reports, which is what
// `ddbsynth local apply` reads; it does not backfill the index with existing items.
'use strict';
const path = require('path');
const modules = path.join(__dirname, '..', 'node_modules');
const argv = require(path.join(modules, 'minimist'))(process.argv.slice(2));
const updateMs = Number(argv['update-ms'] ?? 300);

if (argv['gsi-updates']) {
  const file = require.resolve(path.join(modules, 'dynalite', 'actions', 'updateTable.js'));
  const original = require(file);
  const db = require(path.join(modules, 'dynalite', 'db'));
  // Like DynamoDB (and dynalite's CreateTable), an on-demand table's new GSI has no throughput.
  const validation = require(path.join(modules, 'dynalite', 'validations', 'updateTable.js'));
  delete validation.types.GlobalSecondaryIndexUpdates.children.children.Create.children.ProvisionedThroughput.notNull;
  // UpdateTable's AttributeDefinitions, which dynalite drops, define a new GSI's keys.
  const createValidation = require(path.join(modules, 'dynalite', 'validations', 'createTable.js'));
  const { notNull, ...definitions } = createValidation.types.AttributeDefinitions;
  validation.types.AttributeDefinitions = definitions;
  require.cache[file].exports = function updateTable(store, data, cb) {
    const changes = (data.GlobalSecondaryIndexUpdates || []).filter((u) => u.Create || u.Delete);
    if (!changes.length) return original(store, data, cb);
    if (changes.length > 1)
      return cb(db.limitError('Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table'));
    const key = data.TableName;
    const tableDb = store.tableDb;
    tableDb.lock(key, (release) => {
      cb = release(cb);
      store.getTable(key, false, (err, table) => {
        if (err) return cb(err);
        const indexes = table.GlobalSecondaryIndexes || [];
        if (table.TableStatus !== 'ACTIVE' || indexes.some((i) => i.IndexStatus !== 'ACTIVE'))
          return cb(db.limitError('Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table'));
        const change = changes[0];
        let finish;
        if (change.Delete) {
          const index = indexes.find((i) => i.IndexName === change.Delete.IndexName);
          if (!index) return cb(db.validationError('Requested resource not found: Index: ' + change.Delete.IndexName));
          index.IndexStatus = 'DELETING';
          finish = (t) => {
            t.GlobalSecondaryIndexes = (t.GlobalSecondaryIndexes || []).filter((i) => i.IndexName !== index.IndexName);
            if (!t.GlobalSecondaryIndexes.length) delete t.GlobalSecondaryIndexes;
            // DynamoDB keeps definitions of key attributes only.
            const keys = [t, ...(t.GlobalSecondaryIndexes || []), ...(t.LocalSecondaryIndexes || [])]
              .flatMap((i) => i.KeySchema.map((k) => k.AttributeName));
            t.AttributeDefinitions = t.AttributeDefinitions.filter((a) => keys.includes(a.AttributeName));
          };
        } else {
          const spec = change.Create;
          if (indexes.some((i) => i.IndexName === spec.IndexName))
            return cb(db.validationError('One or more parameter values were invalid: Index with name ' + spec.IndexName + ' already exists'));
          for (const d of data.AttributeDefinitions || []) {
            const known = table.AttributeDefinitions.find((a) => a.AttributeName === d.AttributeName);
            if (known && known.AttributeType !== d.AttributeType)
              return cb(db.validationError('Cannot change the type of attribute ' + d.AttributeName));
            if (!known) table.AttributeDefinitions.push(d);
          }
          table.GlobalSecondaryIndexes = indexes.concat([{
            IndexName: spec.IndexName, KeySchema: spec.KeySchema, Projection: spec.Projection,
            IndexStatus: 'CREATING', Backfilling: false, IndexSizeBytes: 0, ItemCount: 0,
            IndexArn: table.TableArn + '/index/' + spec.IndexName,
            ProvisionedThroughput: spec.ProvisionedThroughput || { ReadCapacityUnits: 0, WriteCapacityUnits: 0, NumberOfDecreasesToday: 0 },
          }]);
          finish = (t) => t.GlobalSecondaryIndexes.forEach((i) => { if (i.IndexName === spec.IndexName) i.IndexStatus = 'ACTIVE'; });
        }
        table.TableStatus = 'UPDATING';
        tableDb.put(key, table, (err) => {
          if (err) return cb(err);
          setTimeout(() => {
            tableDb.lock(key, (done) => {
              store.getTable(key, false, (err, t) => {
                if (err || !t) return done(() => {})();
                finish(t);
                t.TableStatus = 'ACTIVE';
                tableDb.put(key, t, done(() => {}));
              });
            });
          }, updateMs);
          cb(null, { TableDescription: table });
        });
      });
    });
  };
}

const server = require(path.join(modules, 'dynalite'))({ createTableMs: 200, deleteTableMs: 200, updateTableMs: updateMs });
server.listen(Number(argv.port ?? 0), '127.0.0.1', () => console.log('port ' + server.address().port));
setTimeout(() => process.exit(0), Number(argv.lifetime ?? 120) * 1000).unref();
