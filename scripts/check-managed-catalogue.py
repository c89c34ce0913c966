#!/usr/bin/env python3
"""Checks the bundled (managed) plugin catalogue against the register rules of repository-service.

Usage: scripts/check-managed-catalogue.py [DIR]   (default: repository-service/src/main/resources/managed)

Needs PyYAML; checks every template schema against the JSON Schema draft-07 meta-schema when the
jsonschema package is installed. Exits 1 and lists the problems when a file breaks a rule.
"""
import pathlib
import re
import sys

import yaml

try:
    import jsonschema
except ImportError:  # the schema check is optional
    jsonschema = None

IMAGE = re.compile(r"^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*)*$")
PLUGIN_ID = re.compile(r"^[a-z0-9][a-z0-9-]{1,62}$")
SERVICE_TYPE = re.compile(r"^[a-z][a-z0-9_]*\.[A-Z][A-Za-z0-9]*$")
FIELDS = {"plugin_id", "name", "service_type", "image", "provider", "capability", "template", "labels", "tags"}
REQUIRED = {"name", "service_type", "image"}


def schemas(node, path):
    """Yields (path, schema) for every `schema` key below the template."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "schema":
                yield f"{path}.{key}", value
            else:
                yield from schemas(value, f"{path}.{key}")


def check(path):
    """Returns the plugin read from the file (or {}) and the list of its problems."""
    problems = []
    try:
        plugin = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        return {}, [f"not valid YAML: {error}"]
    if not isinstance(plugin, dict):
        return {}, ["not a mapping"]
    problems += [f"unknown field {key}" for key in sorted(set(plugin) - FIELDS)]
    problems += [f"missing field {key}" for key in sorted(REQUIRED - set(plugin))]
    image = plugin.get("image", "")
    if len(image) > 40:
        problems.append(f"image is {len(image)} characters, at most 40: {image}")
    if not IMAGE.match(image):
        problems.append(f"image does not follow the OCI name grammar (no tag, no host): {image}")
    plugin_id = plugin.get("plugin_id", image.rsplit("/", 1)[-1])
    if not PLUGIN_ID.match(plugin_id):
        problems.append(f"invalid plugin_id {plugin_id}")
    if path.stem != plugin_id:
        problems.append(f"file name should be {plugin_id}.yaml")
    if not SERVICE_TYPE.match(plugin.get("service_type", "")):
        problems.append(f"service_type is not <service>.<Kind>: {plugin.get('service_type')}")
    if not 1 <= len(plugin.get("name", "")) <= 255:
        problems.append("name must be 1-255 characters")
    for key in ("capability", "template", "tags"):
        if not isinstance(plugin.get(key, {}), dict):
            problems.append(f"{key} must be an object")
    labels = plugin.get("labels", [])
    if not isinstance(labels, list) or len(labels) > 50 or any(
        not isinstance(label, str) or not 1 <= len(label) <= 64 for label in labels
    ):
        problems.append("labels must be a list of at most 50 strings of 1-64 characters")
    elif len(set(labels)) != len(labels):
        problems.append("labels has duplicates")
    tags = plugin.get("tags", {})
    if isinstance(tags, dict) and not {"description", "icon"} <= set(tags):
        problems.append("tags should have description and icon")
    found = list(schemas(plugin.get("template", {}), "template"))
    if not any(where == "template.options.schema" for where, _ in found):
        problems.append("no template.options.schema")
    for where, schema in found:
        if not isinstance(schema, dict):
            problems.append(f"{where} is not an object")
        elif jsonschema is not None:
            try:
                jsonschema.Draft7Validator.check_schema(schema)
            except jsonschema.SchemaError as error:
                problems.append(f"{where} is not a valid JSON Schema: {error.message}")
    return plugin, problems


def main():
    root = pathlib.Path(__file__).resolve().parent.parent
    folder = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else root / "repository-service/src/main/resources/managed"
    files = sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml"))
    if not files:
        print(f"no YAML files in {folder}")
        return 1
    failed = 0
    ids = {}
    for path in files:
        plugin, problems = check(path)
        plugin_id = plugin.get("plugin_id")
        if plugin_id in ids:
            problems.append(f"plugin_id also used by {ids[plugin_id]}")
        elif plugin_id:
            ids[plugin_id] = path.name
        image = str(plugin.get("image", ""))
        print(f"{'FAIL' if problems else 'ok  '} {path.name:40} image {len(image):2} chars")
        for problem in problems:
            print(f"       {problem}")
        failed += bool(problems)
    print(f"{len(files)} files, {failed} with problems"
          + ("" if jsonschema else " (schemas not checked: no jsonschema module)"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
