/**
 * How to record your own network: the ten-line PyTorch example of python/README.md (read from
 * that file, so the page and the README never disagree) and the recorder as a download.
 */
import readme from '../../../python/README.md?raw';

const EXAMPLE = /```python\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';

export function RecordHelp() {
  return (
    <div className="record-help-body">
      <p>
        Add the recorder to your training loop (PyTorch 1.13 or 2.x; NumPy networks:{' '}
        <code>NumpyRecorder</code>), train, then open or drop the file here.
      </p>
      <pre>
        <code>{EXAMPLE}</code>
      </pre>
      <p>
        <a href="activation-lab-recorder.tar.gz" download>
          Download the recorder
        </a>{' '}
        (<code>pip install activation-lab-recorder.tar.gz</code>, or unpack it beside your script).
      </p>
    </div>
  );
}
