// The MDN HTTP Observatory (npm @mdn/mdn-http-observatory: its own retriever, analyzer and grader)
// run on the loopback nginx of the tests, for tests/test_observatory.py.
//
//   node tests/observatory.mjs HTTP_PORT HTTPS_PORT HOST...
//
// Prints one JSON list: for each host its score, grade and each test's result. The library's scan()
// asks ports 80 and 443 of the host's address; its retriever takes other ports as options, so this
// runs scan()'s steps with them: retrieve, the same ALL_TESTS, the same grading (extra credit only
// when the score without it is an A, MINIMUM_SCORE_FOR_EXTRA_CREDIT). Every *.brussels name resolves
// to 127.0.0.1, nothing else resolves: no request leaves the machine. The certificate's authority is
// given by NODE_EXTRA_CA_CERTS, so the certificate is checked as a real one would be.
import dns from "node:dns";

const LIBRARY = new URL("../node_modules/@mdn/mdn-http-observatory/src/", import.meta.url);

dns.lookup = (hostname, options, callback) => {
  if (typeof options === "function") {
    callback = options;
    options = {};
  }
  if (!hostname.endsWith(".brussels")) {
    const error = new Error(`not resolved in the tests: ${hostname}`);
    error.code = "ENOTFOUND";
    process.nextTick(callback, error);
    return;
  }
  if (options && options.all) {
    process.nextTick(callback, null, [{ address: "127.0.0.1", family: 4 }]);
  } else {
    process.nextTick(callback, null, "127.0.0.1", 4);
  }
};

const { retrieve } = await import(new URL("retriever/retriever.js", LIBRARY));
const { ALL_TESTS } = await import(new URL("constants.js", LIBRARY));
const { getGradeForScore, getScoreModifier } = await import(new URL("grader/grader.js", LIBRARY));
const { MINIMUM_SCORE_FOR_EXTRA_CREDIT } = await import(new URL("grader/charts.js", LIBRARY));

async function grade(hostname, httpPort, httpsPort) {
  const requests = await retrieve(hostname, { httpPort, httpsPort });
  if (!requests.responses.auto) {
    return { host: hostname, error: "no response" };
  }
  const results = ALL_TESTS.map((test) => test(requests));
  let withCredit = 100;
  let uncurved = 100;
  const tests = {};
  for (const result of results) {
    const modifier = result.result ? getScoreModifier(result.result) : 0;
    withCredit += modifier;
    if (modifier < 0) {
      uncurved += modifier;
    }
    tests[result.constructor.name] = { result: result.result, pass: result.pass, modifier };
  }
  const score = uncurved >= MINIMUM_SCORE_FOR_EXTRA_CREDIT ? withCredit : uncurved;
  const final = getGradeForScore(score);
  return {
    host: hostname,
    status: requests.responses.auto.status,
    score: final.score,
    grade: final.grade,
    tests,
  };
}

const [httpPort, httpsPort, ...hosts] = process.argv.slice(2);
const graded = [];
for (const host of hosts) {
  graded.push(await grade(host, Number(httpPort), Number(httpsPort)));
}
console.log(JSON.stringify(graded, null, 2));
