// Loaded with #load, relative to the notebook's folder.
int Twice(int value) => value * 2;
