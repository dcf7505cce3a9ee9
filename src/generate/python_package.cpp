#include "generate/python_package.hpp"

#include "generate/python_source.hpp"

namespace ddbsynth {
namespace {

constexpr std::string_view kPackageInit =
    "from .entities import BaseModel, ExampleModel\n"
    "\n"
    "__all__ = ['BaseModel', 'ExampleModel']\n";

constexpr std::string_view kEntitiesInit =
    "from .base import BaseModel\n"
    "from .example import ExampleModel\n"
    "\n"
    "__all__ = ['BaseModel', 'ExampleModel']\n";

// {key} is the runtimeConfigKey as a Python literal. Deployed, the table name comes from the
// runtime config that every ddbsynth target provisions: AppConfig application
// $RUNTIME_CONFIG_APP_ID, environment "default", profile "dynamodb".
constexpr std::string_view kClient =
    "import json\n"
    "import os\n"
    "from typing import Any\n"
    "\n"
    "# This table's key in the runtime config: must match runtimeConfigKey in config.json.\n"
    "runtime_config_key = {key}\n"
    "\n"
    "\n"
    "# config.json is only present in local development (it is not part of the deployed bundle),\n"
    "# so call this only when is_local() is True.\n"
    "def _local_dev() -> dict[str, Any]:\n"
    "    config_path = os.path.join(os.path.dirname(__file__), '..', 'config.json')\n"
    "    with open(config_path, encoding='utf-8') as f:\n"
    "        return json.load(f)['localDev']\n"
    "\n"
    "\n"
    "def is_local() -> bool:\n"
    "    return os.environ.get('LOCAL_DEV') == 'true'\n"
    "\n"
    "\n"
    "_table_name: str | None = None\n"
    "\n"
    "\n"
    "def get_table_name() -> str:\n"
    "    \"\"\"The table's name: localDev.tableName from config.json when LOCAL_DEV=true, otherwise\n"
    "    read once from AWS AppConfig (application $RUNTIME_CONFIG_APP_ID) and cached.\"\"\"\n"
    "    global _table_name\n"
    "    if is_local():\n"
    "        return _local_dev()['tableName']\n"
    "    if _table_name is None:\n"
    "        import boto3\n"
    "\n"
    "        app_id = os.environ.get('RUNTIME_CONFIG_APP_ID')\n"
    "        if not app_id:\n"
    "            raise ValueError('RUNTIME_CONFIG_APP_ID environment variable is not set')\n"
    "        appconfig = boto3.client('appconfigdata')\n"
    "        session = appconfig.start_configuration_session(\n"
    "            ApplicationIdentifier=app_id,\n"
    "            EnvironmentIdentifier='default',\n"
    "            ConfigurationProfileIdentifier='dynamodb',\n"
    "        )\n"
    "        latest = appconfig.get_latest_configuration(ConfigurationToken=session['InitialConfigurationToken'])\n"
    "        config = json.loads(latest['Configuration'].read() or b'{}')\n"
    "        table_name = (config.get(runtime_config_key) or {}).get('tableName')\n"
    "        if not table_name:\n"
    "            raise ValueError(f'No tableName for {runtime_config_key!r} in the runtime config')\n"
    "        _table_name = table_name\n"
    "    return _table_name\n";

constexpr std::string_view kExample =
    "from collections.abc import Iterator\n"
    "from datetime import UTC, datetime\n"
    "\n"
    "from pynamodb.attributes import UnicodeAttribute\n"
    "\n"
    "from .base import BaseModel\n"
    "\n"
    "\n"
    "# An example entity: replace it with your own, starting from your access patterns.\n"
    "# See https://pynamodb.readthedocs.io/en/stable/tutorial.html\n"
    "class ExampleModel(BaseModel, discriminator='ExampleModel'):\n"
    "    \"\"\"\n"
    "    Key design:\n"
    "      pk=EXAMPLE#<id>, sk=EXAMPLE#<id>\n"
    "      gsi1pk=CATEGORY#<cat>, gsi1sk=EXAMPLE#<id>   <- list items by category\n"
    "      gsi2pk=EXAMPLE, gsi2sk=<created_at>          <- list all items by date\n"
    "    \"\"\"\n"
    "\n"
    "    name = UnicodeAttribute()\n"
    "    category = UnicodeAttribute()\n"
    "    created_at = UnicodeAttribute()\n"
    "    updated_at = UnicodeAttribute()\n"
    "\n"
    "    @classmethod\n"
    "    def make_pk(cls, id: str) -> str:\n"
    "        return f'EXAMPLE#{id}'\n"
    "\n"
    "    @classmethod\n"
    "    def create(cls, id: str, name: str, category: str) -> 'ExampleModel':\n"
    "        now = datetime.now(UTC).isoformat()\n"
    "        item = cls(\n"
    "            pk=cls.make_pk(id),\n"
    "            sk=cls.make_pk(id),\n"
    "            gsi1pk=f'CATEGORY#{category}',\n"
    "            gsi1sk=cls.make_pk(id),\n"
    "            gsi2pk='EXAMPLE',\n"
    "            gsi2sk=now,\n"
    "            name=name,\n"
    "            category=category,\n"
    "            created_at=now,\n"
    "            updated_at=now,\n"
    "        )\n"
    "        item.save()\n"
    "        return item\n"
    "\n"
    "    # ── Primary index ─────────────────────────────────────────────────────────\n"
    "    @classmethod\n"
    "    def get_by_id(cls, id: str) -> 'ExampleModel':\n"
    "        return cls.get(cls.make_pk(id), cls.make_pk(id))\n"
    "\n"
    "    # ── gsi1_index: partition=category, sort=id ───────────────────────────────\n"
    "    @classmethod\n"
    "    def list_by_category(cls, category: str) -> Iterator['ExampleModel']:\n"
    "        return cls.gsi1_index.query(f'CATEGORY#{category}')\n"
    "\n"
    "    # ── gsi2_index: partition=type, sort=created_at ───────────────────────────\n"
    "    @classmethod\n"
    "    def list_created_between(cls, start: datetime, end: datetime) -> Iterator['ExampleModel']:\n"
    "        return cls.gsi2_index.query(\n"
    "            'EXAMPLE',\n"
    "            range_key_condition=ExampleModel.gsi2sk.between(\n"
    "                start.isoformat(), end.isoformat(),\n"
    "            ),\n"
    "            scan_index_forward=False,\n"
    "        )\n";

std::string client_py(const std::string& key) {
  std::string out(kClient);
  constexpr std::string_view kSlot = "{key}";
  return out.replace(out.find(kSlot), kSlot.size(), python::str_literal(key));
}

}  // namespace

std::vector<OutputFile> python_package_files(const ProjectNames& n) {
  const std::string& p = n.package;
  return {
      {p + "/__init__.py", std::string(kPackageInit)},
      {p + "/client.py", client_py(n.runtime_config_key)},
      {p + "/entities/__init__.py", std::string(kEntitiesInit)},
      {p + "/entities/example.py", std::string(kExample)},
  };
}

}  // namespace ddbsynth
