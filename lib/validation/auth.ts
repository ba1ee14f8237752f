import { z } from 'zod';

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'Enter your email address.')
  .max(254, 'An email address has at most 254 characters.')
  .pipe(z.email('Enter a valid email address, like name@company.com.'));

export const passwordSchema = z
  .string()
  .min(8, 'A password needs at least 8 characters.')
  .max(256, 'A password has at most 256 characters.');

export const signInSchema = z.strictObject({
  email: emailSchema,
  // Any length is accepted here: a wrong password gets the same answer as an unknown email.
  password: z.string().min(1, 'Enter your password.').max(1024, 'That password is too long.'),
});

export const changePasswordSchema = z
  .strictObject({ currentPassword: z.string().min(1, 'Enter your current password.'), newPassword: passwordSchema, confirmPassword: z.string() })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ['confirmPassword'], message: 'The two new passwords differ.' });

export const resetPasswordSchema = z
  .strictObject({ token: z.string().min(10).max(200), newPassword: passwordSchema, confirmPassword: z.string() })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ['confirmPassword'], message: 'The two passwords differ.' });

export const setupSchema = z
  .strictObject({
    name: z.string().trim().min(1, 'Enter your name.').max(120, 'At most 120 characters.'),
    email: emailSchema,
    organisation: z.string().trim().min(1, 'Enter the organisation\u2019s name.').max(120, 'At most 120 characters.'),
    password: passwordSchema,
    confirmPassword: z.string(),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ['confirmPassword'], message: 'The two passwords differ.' });
