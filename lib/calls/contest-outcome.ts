// Short on purpose: nine words, about three seconds spoken, then the line is free for the next caller.
export const CONTEST_RELEASED_MESSAGE = 'Thanks! The lines are full. Try again next time.';
export const CONTEST_WINNER_GREETING =
  'Congratulations, you are our contest winner! Stay on the line, a screener will be with you in a moment.';
