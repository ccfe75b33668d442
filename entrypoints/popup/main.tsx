import { render } from 'preact';
render(<p>Redline</p>, document.getElementById('app')!);
