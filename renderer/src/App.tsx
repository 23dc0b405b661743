/** The application shell; the screens (library, editor, results, review) arrive with their issues. */
export function App() {
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', padding: 24 }}>
      <h1>Data Analytics Workbench</h1>
      <p>The desktop shell is being built. Use the <code>workbench</code> CLI meanwhile: <code>npx workbench --help</code>.</p>
    </main>
  );
}
