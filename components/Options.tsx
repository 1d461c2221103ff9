/** Pure view of the options page; its sections grow with the settings. */
export function Options({ version }: { version: string }) {
  return (
    <main class="options">
      <h1>Backstory options</h1>
      <section aria-labelledby="about-heading">
        <h2 id="about-heading">About</h2>
        <p>
          Backstory {version} marks the people, places, organisations and events in the news you
          read and explains them on hover. Everything runs in your browser; nothing leaves it.
        </p>
      </section>
    </main>
  );
}
