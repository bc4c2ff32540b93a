// The home page entry point.
import './ctg-home.ts';
