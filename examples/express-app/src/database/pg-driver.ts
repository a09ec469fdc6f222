import pg from 'pg';

/**
 * `pg` for Sequelize's `dialectModule`, with clients that listen for
 * errors from the moment they exist.
 *
 * Sequelize's postgres dialect attaches its error listener to a new
 * connection only after the connect callback resolved its promise. When the
 * server stops just as a connection completes its start-up (a failover, a
 * restart, Ctrl-C reaching an embedded server), PostgreSQL's "terminating
 * connection" (57P01) can arrive in the same read as the connection's first
 * ReadyForQuery; pg then emits 'error' before anyone listens, which Node
 * turns into an uncaught exception: the whole app process ends. Here such an
 * error marks the connection invalid (the flag Sequelize's own listener
 * sets), so the pool destroys it on its next validation, and the error
 * reaches whoever uses the connection as a failed query. Sequelize's own
 * listener still runs once it is attached.
 */
class EarlyListeningClient extends pg.Client {
  /** @param config - as `pg.Client` */
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    this.on('error', () => {
      (this as { _invalid?: boolean })._invalid = true;
    });
  }
}

/** The `pg` module with {@link EarlyListeningClient} as its `Client`. */
export const pgDriver: typeof pg = Object.create(pg, {
  Client: { value: EarlyListeningClient, enumerable: true },
});
