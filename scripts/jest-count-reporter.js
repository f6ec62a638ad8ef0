// Prints the closing line 'N passed, N failed, N skipped' that CI reads, after jest's own summary.
export default class CountReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    console.log(
      `\nTests: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped`
    );
  }
}
