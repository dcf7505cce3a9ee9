// What both construct trees of the spec (the v1 Table's and the global TableV2's) build alike: key
// attributes and projections, the runtime config (the seed's RuntimeConfig L1 elements) and each
// grant with its read of the runtime config.
'use strict';
const cdk = require('aws-cdk-lib');
const { Construct } = require('constructs');
const dynamodb = require('aws-cdk-lib/aws-dynamodb');
const iam = require('aws-cdk-lib/aws-iam');
const appconfig = require('aws-cdk-lib/aws-appconfig');

const GRANT = {
  read: 'grantReadData',
  write: 'grantWriteData',
  readWrite: 'grantReadWriteData',
  full: 'grantFullAccess',
  streamRead: 'grantStreamRead',
};

function key(k) {
  return { name: k.name, type: { S: dynamodb.AttributeType.STRING, N: dynamodb.AttributeType.NUMBER, B: dynamodb.AttributeType.BINARY }[k.type] };
}

function projection(ix) {
  const out = { projectionType: dynamodb.ProjectionType[ix.projectionType] };
  if (ix.nonKeyAttributes) out.nonKeyAttributes = ix.nonKeyAttributes;
  return out;
}

function addRuntimeConfigAndGrants(app, stack, cfg, table) {
  const rc = new Construct(app, '__RuntimeConfig__');
  const name = cdk.Names.uniqueResourceName(rc, { maxLength: 64, separator: '-' });
  const application = new appconfig.CfnApplication(stack, 'RcAppConfigApp', { name });
  const strategy = new appconfig.CfnDeploymentStrategy(stack, 'RcAppConfigStrategy', {
    name, deploymentDurationInMinutes: 0, growthFactor: 100, replicateTo: 'NONE', finalBakeTimeInMinutes: 0,
  });
  const env = new appconfig.CfnEnvironment(stack, 'RcAppConfigEnv', { applicationId: application.ref, name: 'default' });
  const profile = new appconfig.CfnConfigurationProfile(stack, 'RcAppConfigProfiledynamodb', {
    applicationId: application.ref, name: 'dynamodb', locationUri: 'hosted', type: 'AWS.Freeform',
  });
  const version = new appconfig.CfnHostedConfigurationVersion(stack, 'RcAppConfigVersiondynamodb', {
    applicationId: application.ref, configurationProfileId: profile.ref, contentType: 'application/json',
    content: stack.toJsonString({ [cfg.runtimeConfigKey]: { tableName: table.tableName } }),
  });
  new appconfig.CfnDeployment(stack, 'RcAppConfigDeploydynamodb', {
    applicationId: application.ref, configurationProfileId: profile.ref, configurationVersion: version.ref,
    deploymentStrategyId: strategy.ref, environmentId: env.ref,
  });
  new cdk.CfnOutput(stack, 'RuntimeConfigApplicationId', { value: application.ref });

  const appArn = stack.formatArn({
    service: 'appconfig', resource: 'application', resourceName: `${application.ref}/*`,
    arnFormat: cdk.ArnFormat.SLASH_RESOURCE_NAME,
  });
  for (const g of cfg.grants) {
    const role = g.role.startsWith('arn:')
      ? iam.Role.fromRoleArn(stack, g.roleName, g.role)
      : iam.Role.fromRoleName(stack, g.roleName, g.role);
    table[GRANT[g.access]](role);
    iam.Grant.addToPrincipal({
      grantee: role,
      actions: ['appconfig:StartConfigurationSession', 'appconfig:GetLatestConfiguration'],
      resourceArns: [appArn],
    });
  }
}

module.exports = { key, projection, addRuntimeConfigAndGrants };
