"""A small JSON Schema checker for the keywords docs/recording.schema.json uses, so the tests check
schema conformance without the `jsonschema` package; where that package is installed the tests
also validate with it (Draft 2020-12)."""
import json
import os

SCHEMA_PATH = os.path.join(os.path.dirname(__file__), '..', '..', 'docs', 'recording.schema.json')
KNOWN = {
    '$schema',
    'title',
    'description',
    '$defs',
    '$ref',
    'type',
    'required',
    'properties',
    'additionalProperties',
    'items',
    'enum',
    'const',
    'minimum',
    'maximum',
    'minItems',
    'maxItems',
    'minLength',
    'maxLength',
}


def load_schema():
    with open(SCHEMA_PATH, encoding='utf-8') as handle:
        return json.load(handle)


def _is_type(value, name):
    if name == 'integer':
        return isinstance(value, int) and not isinstance(value, bool)
    if name == 'number':
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    kinds = {'object': dict, 'array': list, 'string': str, 'boolean': bool, 'null': type(None)}
    return isinstance(value, kinds[name])


def _resolve(root, ref):
    node = root
    for part in ref.lstrip('#/').split('/'):
        node = node[part]
    return node


def _check_object(value, schema, root, path, errors):
    for key in schema.get('required', []):
        if key not in value:
            errors.append(f'{path}: missing {key!r}')
    properties = schema.get('properties', {})
    extra = schema.get('additionalProperties', True)
    for key, item in value.items():
        if key in properties:
            errors.extend(problems(item, properties[key], root, f'{path}.{key}'))
        elif extra is False:
            errors.append(f'{path}: unexpected {key!r}')
        elif isinstance(extra, dict):
            errors.extend(problems(item, extra, root, f'{path}.{key}'))


def _check_array(value, schema, root, path, errors):
    if len(value) < schema.get('minItems', 0) or len(value) > schema.get('maxItems', float('inf')):
        errors.append(f'{path}: {len(value)} items out of bounds')
    if 'items' in schema:
        for i, item in enumerate(value):
            errors.extend(problems(item, schema['items'], root, f'{path}[{i}]'))


def problems(value, schema, root=None, path='$'):
    """Every way `value` breaks `schema` (empty when it conforms)."""
    root = schema if root is None else root
    unknown = set(schema) - KNOWN
    if unknown:
        raise ValueError(f'schema keyword(s) this checker does not know: {sorted(unknown)}')
    if '$ref' in schema:
        return problems(value, _resolve(root, schema['$ref']), root, path)
    errors = []
    types = schema.get('type')
    if types is not None:
        types = [types] if isinstance(types, str) else types
        if not any(_is_type(value, t) for t in types):
            return [f'{path}: {type(value).__name__} is not {types}']
    if 'const' in schema and value != schema['const']:
        errors.append(f'{path}: {value!r} is not {schema["const"]!r}')
    if 'enum' in schema and value not in schema['enum']:
        errors.append(f'{path}: {value!r} is not one of {schema["enum"]}')
    if _is_type(value, 'number'):
        if value < schema.get('minimum', float('-inf')) or value > schema.get('maximum', float('inf')):
            errors.append(f'{path}: {value} out of bounds')
    if isinstance(value, str):
        if not schema.get('minLength', 0) <= len(value) <= schema.get('maxLength', float('inf')):
            errors.append(f'{path}: string length {len(value)} out of bounds')
    if isinstance(value, dict):
        _check_object(value, schema, root, path, errors)
    if isinstance(value, list):
        _check_array(value, schema, root, path, errors)
    return errors


def library_problems(value, schema):
    """The same check by the `jsonschema` package (Draft 2020-12), or None where it is missing."""
    try:
        import jsonschema
    except ImportError:
        return None
    validator = jsonschema.Draft202012Validator(schema)
    jsonschema.Draft202012Validator.check_schema(schema)
    return [error.message for error in validator.iter_errors(value)]
