// Runs threat-intel-sync.asl.json once on aws-local-stepfunctions, with every Task bound to an
// HTTP bridge on loopback instead of AWS, and prints one JSON line describing the execution.
//
// Usage: node run-execution.mjs <config.json>
// The config names the definition file, the values of its ${...} placeholders, the bridge's base
// URL, the execution input and the context object's Execution fields (Id, Name).
//
// Bridge contract:
//   POST <bridge>/lambda/<FunctionName>  body: the Lambda payload
//     200 -> the function's output; any other status -> {"errorType", "errorMessage"}, raised as
//     an error named errorType, like the Lambda service integration does.
//   POST <bridge>/task/<resource after arn:aws:states:::>  body: the task's parameters
//     200 -> the service's response; any other status -> {"error", "cause"}, raised as error.
// Output line: {"status": "SUCCEEDED", "output": ..., "states": [...]} or
//              {"status": "FAILED", "error": ..., "cause": ..., "states": [...]}
import { readFileSync } from 'node:fs';
import { StateMachine, ExecutionError } from 'aws-local-stepfunctions';

const LAMBDA_INVOKE = 'arn:aws:states:::lambda:invoke';
const SERVICE_PREFIX = 'arn:aws:states:::';

class TaskError extends Error {
  constructor(name, cause) {
    super(cause);
    this.name = name;
  }
}

function substitute(text, values) {
  return text.replace(/\$\{([A-Za-z0-9_]+)\}/g, (match, name) => {
    if (!(name in values)) {
      throw new Error(`No substitution given for placeholder ${match}`);
    }
    return values[name];
  });
}

async function post(url, body) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { ok: response.ok, body: text.length === 0 ? null : JSON.parse(text) };
}

function lambdaHandler(bridgeUrl) {
  return async (input) => {
    const { ok, body } = await post(`${bridgeUrl}/lambda/${encodeURIComponent(input.FunctionName)}`, input.Payload);
    if (!ok) {
      // The Lambda service integration reports the function's error type as the error name and
      // the whole error object as the cause.
      throw new TaskError(body.errorType, JSON.stringify({ errorMessage: body.errorMessage, errorType: body.errorType }));
    }
    return { ExecutedVersion: '$LATEST', Payload: body, StatusCode: 200 };
  };
}

function serviceHandler(bridgeUrl, resource) {
  const action = resource.slice(SERVICE_PREFIX.length);
  return async (input) => {
    const { ok, body } = await post(`${bridgeUrl}/task/${action}`, input);
    if (!ok) {
      throw new TaskError(body.error, body.cause);
    }
    return body;
  };
}

async function main() {
  const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
  const definition = JSON.parse(substitute(readFileSync(config.definitionFile, 'utf8'), config.substitutions));

  const taskResourceLocalHandlers = {};
  const retryIntervalOverrides = {};
  const waitTimeOverrides = {};
  // aws-local-stepfunctions looks overrides up by state name, in nested Map iterations too, so
  // the states inside a Map's ItemProcessor are bound the same way (ASL names are unique).
  const bind = (states) => {
    for (const [name, state] of Object.entries(states)) {
      if (state.Type === 'Task') {
        taskResourceLocalHandlers[name] = state.Resource === LAMBDA_INVOKE
          ? lambdaHandler(config.bridgeUrl)
          : serviceHandler(config.bridgeUrl, state.Resource);
        retryIntervalOverrides[name] = 0;
      } else if (state.Type === 'Wait') {
        waitTimeOverrides[name] = 0;
      } else if (state.Type === 'Map') {
        bind((state.ItemProcessor ?? state.Iterator).States);
      }
    }
  };
  bind(definition.States);

  const machine = new StateMachine(definition);
  const execution = machine.run(config.input, {
    overrides: { taskResourceLocalHandlers, retryIntervalOverrides, waitTimeOverrides },
    context: config.context,
  });
  const states = [];
  const collecting = (async () => {
    for await (const event of execution.eventLogs) {
      if (event.type === 'StateEntered') {
        states.push(event.state.name);
      }
    }
  })();

  let report;
  try {
    const output = await execution.result;
    report = { status: 'SUCCEEDED', output };
  } catch (error) {
    if (!(error instanceof ExecutionError)) {
      throw error;
    }
    report = { status: 'FAILED', error: error.cause.name, cause: error.cause.message };
  }
  await collecting;
  report.states = states;
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(2);
});
